/** @module Dashboard entrypoint: mounts the dashboard from extension/dashboard. */
import { setupDashboard } from '../../dashboard/setup-dashboard';
import '../../ui/base.css';
import '../../dashboard/dashboard.css';

setupDashboard(document.getElementById('app')!);
