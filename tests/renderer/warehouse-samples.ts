/** A row of warehouses.list as the screens get it: only code, name and whether it is in use vary. */
export const aWarehouseRow = (id: number, code: string, name: string, active = true) => ({
  id,
  code,
  name,
  country: 'CN',
  province: '',
  city: '',
  district: '',
  address: '',
  contactName: '',
  phone: '',
  active,
});
