import { normalizeTracking, trackingProblem } from '../../src-main/modules/fulfillment';
import { carriersFitting } from '../../src-shared/domain/tracking-patterns';

describe('tracking number patterns', () => {
  test.each([
    ['SF', 'SF123456789012'],
    ['SF', 'SF123456789012345'],
    ['SF', 'SFA123456789012'],
    ['ZTO', '73123456789012'],
    ['YTO', 'YT1234567890123'],
    ['YD', '312345678901234'],
    ['YD', '5123456789012'],
    ['STO', '77123456789012'],
    ['EMS', '9123456789012'],
    ['EMS', 'EE123456785CN'],
    ['JD', 'JDAB12345678901'],
    ['JT', 'JT1234567890123'],
    ['DBL', 'DPK123456789012'],
    ['UPS', '1Z999AA10123456784'],
    ['DHL', '1234567890'],
    ['FedEx', '123456789012'],
    ['FEDEX', '123456789012345'],
    ['MYLOCAL', 'ABC123'],
  ])('%s accepts %s', (carrier, number) => {
    expect(trackingProblem(carrier, normalizeTracking(number))).toBeNull();
  });

  test.each([
    ['SF', 'SF12345678901', 'SF followed by 12–15 digits'],
    ['SF', 'SF1234567890123456', 'SF followed by 12–15 digits'],
    ['ZTO', '12345678901234', '14 digits starting 73–76 or 78'],
    ['YTO', 'YT123', 'YT followed by 13 digits'],
    ['JD', 'JD123', 'JD + 2 letters or digits + 11 digits'],
    ['UPS', '1Z123', '1Z followed by 16 letters or digits'],
    ['FEDEX', '1234567890123', '12, 15, 20 or 22 digits'],
  ])('%s refuses %s naming the shape', (carrier, number, shape) => {
    expect(trackingProblem(carrier, number)).toContain(shape);
  });

  test('an unknown carrier takes only letters and digits', () => {
    expect(trackingProblem('LOCAL', 'AB-12')).toContain('letters and digits only');
    expect(trackingProblem('LOCAL', '')).toContain('required');
    expect(normalizeTracking(' sf 1234 5678 90123 ')).toBe('SF1234567890123');
  });
});

describe('carriers a tracking number fits', () => {
  const shop = ['DBL', 'SF', 'ZTO', 'YUNDA', 'FEDEX', 'LOCAL'];
  test('one carrier when the shape is its own, found under the shop’s code', () => {
    expect(carriersFitting('73 1234 5678 9012', shop)).toEqual(['ZTO']);
    expect(carriersFitting('sf1234567890123', shop)).toEqual(['SF']);
    expect(carriersFitting('312345678901234', shop)).toEqual(['YUNDA', 'FEDEX']);
  });
  test('none for a number no pattern takes; a carrier without a pattern is never guessed', () => {
    expect(carriersFitting('ABC123', shop)).toEqual([]);
  });
});
