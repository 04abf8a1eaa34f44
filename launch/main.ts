/** Launch page entry: start the SMART authorization, or explain why it cannot start. */
import { readAppConfig } from '../src/app-config/app-config';
import { createSmartApi } from '../src/app/smart/smart-api';
import { renderProblem } from './render-problem';
import { startLaunch } from './start-launch';
import './launch.css';

const root = document.getElementById('launch');
if (root) {
  void startLaunch({ url: location.href, smart: createSmartApi(), config: readAppConfig(document) }).then((problem) => {
    if (problem) renderProblem(root, problem);
  });
}
