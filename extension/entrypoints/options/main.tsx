/** @module Options page entrypoint: mounts the onboarding and settings UI. */
import { render } from 'preact';
import { connectHub } from '../../messaging/hub-client';
import { createOptionsModel } from '../../options/options-model';
import { OptionsApp } from '../../options/OptionsApp';
import '../../ui/base.css';
import '../../options/options.css';

const model = createOptionsModel(connectHub());
render(<OptionsApp model={model} />, document.getElementById('app')!);
addEventListener('pagehide', () => model.dispose());
