/** @module The options page: onboarding (invite, name), connection state, preferences, the team's cadence, leaving. */
import { canWrite } from '../../shared/invite';
import type { OptionsModel } from './options-model';
import { JoinForm } from './JoinForm';
import { LeaveSection } from './LeaveSection';
import { PeopleSection } from './people/PeopleSection';
import { PreferencesForm } from './PreferencesForm';
import { ProfileForm } from './ProfileForm';
import { StatusPanel } from './StatusPanel';
import { RedactionSettingForm } from './RedactionSettingForm';
import { WorkspaceSettingsForm } from './WorkspaceSettingsForm';

export function OptionsApp({ model }: { model: OptionsModel }) {
  const status = model.status.value;
  const settings = model.settings.value;
  if (!status || !settings) return <main class="cl-options"><p role="status">Loading…</p></main>;
  const joined = status.state !== 'not_joined';
  const confirm = model.confirmDiscard.value;
  return (
    <main class="cl-options">
      <header class="cl-row cl-header">
        <img src="/icon/48.png" alt="" width={28} height={28} />
        <h1>Closeloop</h1>
      </header>
      <StatusPanel status={status} onReconnect={model.reconnect} />
      {model.error.value && <p class="cl-alert" role="alert">{model.error.value}</p>}
      {model.notice.value && <p class="cl-notice" role="status">{model.notice.value}</p>}
      {confirm && (
        <div class="cl-alert" role="alertdialog" aria-labelledby="discard-text">
          <p id="discard-text">{confirm.message}</p>
          <div class="cl-row">
            <button type="button" class="danger" onClick={() => void model.discardAndRetry()}>
              Discard them and {confirm.action === 'leave' ? 'leave' : 'switch'}
            </button>
            <button type="button" onClick={() => { model.confirmDiscard.value = null; }}>Keep them</button>
          </div>
        </div>
      )}
      {settings.policyProblems.map((problem) => <p class="cl-alert" key={problem}>{problem}</p>)}
      {joined && <ProfileForm key={settings.name} name={settings.name} busy={model.busy.value} onSave={model.saveName} />}
      {status.me?.role === 'admin' && status.workspace && (
        <PeopleSection key={status.workspace.id} hub={model.hub} me={status.me.id} />
      )}
      {!settings.managed && (
        <JoinForm key={settings.name} switching={joined} defaultName={settings.name} busy={model.busy.value}
          onJoin={model.join} />
      )}
      <PreferencesForm preferences={settings.preferences} onChange={(change) => void model.setPreferences(change)} />
      {joined && model.workspaceSettings.value && (
        <WorkspaceSettingsForm key={JSON.stringify(model.workspaceSettings.value)} settings={model.workspaceSettings.value}
          canEdit={canWrite(status.me?.role)} busy={model.busy.value} onSave={(patch) => void model.saveWorkspaceSettings(patch)} />
      )}
      {joined && model.workspaceSettings.value && (
        <RedactionSettingForm enabled={model.workspaceSettings.value.redactPersonalData} canEdit={canWrite(status.me?.role)}
          busy={model.busy.value} policy={settings.redaction} onSave={(patch) => void model.saveWorkspaceSettings(patch)} />
      )}
      {joined && <LeaveSection busy={model.busy.value} managed={settings.managed} onLeave={() => void model.leave()} />}
    </main>
  );
}
