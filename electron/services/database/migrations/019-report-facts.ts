import type { Migration } from './migration'

/**
 * What the dashboard counts in a period — path steps and certificates issued or cancelled
 * — each as one narrow row carrying the artisan's filter columns as they stand now, so a
 * period's figures are one range of one covering index (`report_fact_day`), whatever the
 * filter. Joined to the files instead, a year of events (half a million on a national
 * register) cost one random lookup each: seconds. Triggers keep the rows in step with
 * their event or document and with the artisan's columns (a file moved to another
 * commune, corrected, deleted or folded into its registry twin); the dashboard's test
 * checks the figures against the files themselves. Each trigger runs only when it has
 * something to do (a counted step, a certificate, a filter column that changed): an import
 * or a pull writes many files and events the facts never hold.
 *
 * An age band alone (no place, no craft) is a range of birth dates: `artisan_birth_report`
 * is the funnel's narrow index entered by it, a fifth of the register instead of all of
 * `artisan_report` (migration 018).
 */
const STEPS = `'rna_registered', 'cnss_pre_registered', 'amo_covered', 'bank_opened'`
const COLUMNS = `deleted_at, province_code, commune_code, main_activity, actor_type, sex, birth_date`
const OF_A = COLUMNS.split(', ')
  .map((c) => `a.${c}`)
  .join(', ')
const INTO = `INSERT INTO report_fact (id, artisan_num, kind, day, ${COLUMNS})`

/** The facts of events (`e`) or certificates (`d`), each joined to its file by `join`. */
const eventFacts = (e: string, join: string) => `
  ${INTO} SELECT 'e:' || ${e}.id, a.num, ${e}.step, ${e}.happened_on, ${OF_A}
    ${join} AND ${e}.step IN (${STEPS});`
const documentFacts = (d: string, join: string) => `
  ${INTO} SELECT 'i:' || ${d}.id, a.num, 'certificate_issued', substr(${d}.issued_at, 1, 10), ${OF_A}
    ${join} AND ${d}.type = 'certificate';
  ${INTO} SELECT 'c:' || ${d}.id, a.num, 'certificate_cancelled', substr(${d}.cancelled_at, 1, 10), ${OF_A}
    ${join} AND ${d}.type = 'certificate' AND ${d}.cancelled_at IS NOT NULL;`
const ROW_FILE = (x: string) => `FROM artisan a WHERE a.id = ${x}.artisan_id`

export const m019: Migration = {
  version: 19,
  name: 'report-facts',
  up: `
    CREATE TABLE report_fact (
      id TEXT PRIMARY KEY,
      artisan_num INTEGER NOT NULL,
      kind TEXT NOT NULL,
      day TEXT NOT NULL,
      deleted_at TEXT,
      province_code TEXT,
      commune_code TEXT,
      main_activity TEXT,
      actor_type TEXT,
      sex TEXT,
      birth_date TEXT
    ) STRICT;
    CREATE INDEX report_fact_day ON report_fact (
      kind, day, province_code, commune_code, main_activity, actor_type, sex, birth_date,
      artisan_num
    ) WHERE deleted_at IS NULL;
    CREATE INDEX report_fact_artisan ON report_fact (artisan_num);

    CREATE INDEX artisan_birth_report ON artisan (
      birth_date, province_code, main_activity, actor_type, sex, rna_status, cover_status,
      bank_status
    ) WHERE deleted_at IS NULL;

    ${eventFacts('e', 'FROM artisan_event e JOIN artisan a ON a.id = e.artisan_id WHERE 1')}
    ${documentFacts('d', 'FROM document d JOIN artisan a ON a.id = d.artisan_id WHERE 1')}

    CREATE TRIGGER report_fact_event_insert AFTER INSERT ON artisan_event
      WHEN NEW.step IN (${STEPS}) BEGIN
      ${eventFacts('NEW', ROW_FILE('NEW'))}
    END;
    CREATE TRIGGER report_fact_event_update AFTER UPDATE ON artisan_event BEGIN
      DELETE FROM report_fact WHERE id = 'e:' || OLD.id;
      ${eventFacts('NEW', ROW_FILE('NEW'))}
    END;
    CREATE TRIGGER report_fact_event_delete AFTER DELETE ON artisan_event BEGIN
      DELETE FROM report_fact WHERE id = 'e:' || OLD.id;
    END;
    CREATE TRIGGER report_fact_document_insert AFTER INSERT ON document
      WHEN NEW.type = 'certificate' BEGIN
      ${documentFacts('NEW', ROW_FILE('NEW'))}
    END;
    CREATE TRIGGER report_fact_document_update AFTER UPDATE ON document BEGIN
      DELETE FROM report_fact WHERE id IN ('i:' || OLD.id, 'c:' || OLD.id);
      ${documentFacts('NEW', ROW_FILE('NEW'))}
    END;
    CREATE TRIGGER report_fact_document_delete AFTER DELETE ON document BEGIN
      DELETE FROM report_fact WHERE id IN ('i:' || OLD.id, 'c:' || OLD.id);
    END;
    CREATE TRIGGER report_fact_artisan_update
      AFTER UPDATE OF ${COLUMNS} ON artisan
      WHEN OLD.deleted_at IS NOT NEW.deleted_at OR OLD.province_code IS NOT NEW.province_code OR OLD.commune_code IS NOT NEW.commune_code OR OLD.main_activity IS NOT NEW.main_activity OR OLD.actor_type IS NOT NEW.actor_type OR OLD.sex IS NOT NEW.sex OR OLD.birth_date IS NOT NEW.birth_date BEGIN
      UPDATE report_fact SET (${COLUMNS}) = (SELECT ${OF_A} FROM artisan a WHERE a.id = NEW.id)
       WHERE artisan_num = NEW.num;
    END;
    CREATE TRIGGER report_fact_artisan_delete AFTER DELETE ON artisan BEGIN
      DELETE FROM report_fact WHERE artisan_num = OLD.num;
    END;
  `,
}
