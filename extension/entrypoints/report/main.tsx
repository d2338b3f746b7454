/** @module Monthly report entrypoint: mounts the printable report from extension/dashboard/report. */
import { setupReport } from '../../dashboard/report/setup-report';
import '../../ui/base.css';
import '../../dashboard/dashboard.css';
import '../../dashboard/report/report.css';

setupReport(document.getElementById('app')!);
