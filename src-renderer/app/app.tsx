import { useCallback, useState } from 'react';
import { useApi, useConnection } from '../api/api-context';
import { OrdersQueuePage } from '../features/orders/orders-queue.page';
import { SettingsPage } from '../features/settings/settings.page';
import { ReviewPage } from '../features/review/review.page';
import { InventoryPage } from '../features/inventory/inventory.page';
import { PrintingPage } from '../features/printing/printing.page';
import { ImportPage } from '../features/import/import.page';
import { CustomersPage } from '../features/customers/customers.page';
import { ChannelsSyncPage } from '../features/channels-sync/channels-sync.page';
import { PackingPage } from '../features/packing/packing.page';
import { PickingPage } from '../features/picking/picking.page';
import { AppHeader } from './app-header';
import { AlertToasts } from './alert-toasts';
import { AppNav } from './app-nav';
import { PlaceholderPage } from './placeholder.page';
import { ShortcutsHelp } from './shortcuts-help';
import { TokenPrompt } from './token-prompt';
import { useHashRoute } from './use-hash-route';
import { useShortcuts } from './use-shortcuts';
import './app.css';

export function App() {
  const api = useApi();
  const connection = useConnection();
  const [screen, go] = useHashRoute();
  const [help, setHelp] = useState(false);
  // Bumped after a new LAN token: screens remount and load again with it.
  const [session, setSession] = useState(0);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  useShortcuts({ go, toggleHelp });

  return (
    <div className="app">
      <AppHeader onHelp={toggleHelp} />
      <div className="app-body">
        <AppNav current={screen} go={go} />
        <main className="app-main" key={`${screen}-${session}`}>
          {screen === 'orders' ? (
            <OrdersQueuePage />
          ) : screen === 'settings' ? (
            <SettingsPage />
          ) : screen === 'review' ? (
            <ReviewPage />
          ) : screen === 'inventory' ? (
            <InventoryPage />
          ) : screen === 'import' ? (
            <ImportPage />
          ) : screen === 'customers' ? (
            <CustomersPage />
          ) : screen === 'printing' ? (
            <PrintingPage />
          ) : screen === 'sync' ? (
            <ChannelsSyncPage />
          ) : screen === 'packing' ? (
            <PackingPage />
          ) : screen === 'picking' ? (
            <PickingPage />
          ) : (
            <PlaceholderPage screen={screen} />
          )}
        </main>
      </div>
      <AlertToasts />
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      {connection === 'unauthorized' && api.setToken && (
        <TokenPrompt
          onSubmit={(token) => {
            api.setToken?.(token);
            setSession((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
