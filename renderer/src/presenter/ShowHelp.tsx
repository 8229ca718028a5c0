// The keys of a show (?), from the presenter's key map (keys.ts), in the user's language.
import type { Translate } from '../i18n/messages.ts';
import { PRESENT_KEY_HELP } from './keys.ts';

export function ShowHelp({ t, onClose }: { t: Translate; onClose(): void }) {
  return (
    <div className="show-help" role="dialog" aria-modal="true" aria-labelledby="show-help-title">
      <div className="show-help-card">
        <h2 id="show-help-title">{t('present.help.title')}</h2>
        <table>
          <tbody>
            {PRESENT_KEY_HELP.map((row) => (
              <tr key={row.does}>
                <th scope="row">{t(row.does)}</th>
                <td>
                  {row.keys.map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                  {'mouse' in row && <span className="show-help-mouse">{t(row.mouse)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="present-button" onClick={onClose} autoFocus>
          {t('present.help.close')}
        </button>
      </div>
    </div>
  );
}
