# Names vulture sees no caller for in app/ that are used all the same: called by Qt,
# SQLAlchemy or Alembic by name, read through dataclasses.fields(), or used by scripts and
# tests as part of a module's public face. vulture only parses this file; it is never run.
# ruff: noqa
_ = object()

# Qt calls these overrides by name.
_.columnCount
_.canFetchMore
_.fetchMore
_.paint
_.eventFilter

# SQLAlchemy: event listeners registered by decorator, the DB-API switch they set, the
# declarative base's type map, and module-level Index objects that register themselves.
_.on_connect
_.on_begin
_.isolation_level
_.type_annotation_map
_.ORDERS_BY_STATUS_AND_NUMBER
# SQL constructs compiled per database by `@compiles` functions, cached by statement.
_.inherit_cache
_._now_postgresql
_._now_sqlite
_._later_postgresql
_._later_sqlite

# Alembic reads each migration's module attributes and calls its functions by name.
_.revision
_.down_revision
_.branch_labels
_.depends_on
_.upgrade
_.downgrade

# Columns no Python code reads yet: they are schema (the migration test compares the
# models with the migrated tables), filled in by inserts and read by SQL and reports.
_.country
_.updated_at
_.issued_at
_.verified_at
_.voided_at
_.replaced_by_parcel_id
_.last_error
_.requested_by_id
_.printed_at
_.logged_in_at
_.seen_at
_.opened_at
_.taken_at
_.closed_at
_.undoes_scan
_.scan_record_id
_.reviewed_by
_.reviewed_at
_.review_note
_.backorder_of

# The column lists of the CSV formats: scripts/make_sample_data.py, the benchmarks and the
# tests write files with them.
_.GENERIC_COLUMNS
# The pick rules' own reasons and notes: the pack rules' tests leave them to the pick's.
_.PICK_REASONS
_.PICK_NOTES
_.EXPORT_COLUMNS

# Public names that only tests, scripts or benchmarks call today. Each is a tested
# part of its module's face (a rule's predicate, a result's field, a test double's
# control) rather than a leftover; remove one here when its module drops it.
_.walk_order  # core.intake.walk: the bins sorted by walk_key
_.is_valid  # core.tracking: the tracking-number rules as a yes/no
_.certain  # core.tracking.TrackingRule: published rule or documented usage
_.moves_for  # db.stock: a balance's ledger rows
_.PDF  # db.shipping_models: the print-job formats
_.fail_next  # labels.printers: the in-memory printer's fault injection
_.attach_carrier_number  # services.carriers: one carrier number at a time
_.old_number  # services.labels.Voided
_.audible  # ui.sounds.StationSounds: whether the station can sound verdicts
_.remove_translation  # ui.translation: back to English after install_translation
_.retryable  # labels.print_queue.JobResult: whether trying the same printer again can help
_.ScriptedScanner  # scanning.source: the scanners' test double (tests, the screenshot script)
_.scan_all
_.unplug
_.plug_in
_.retry_pending  # ui.pack.printing.LabelPrinting: the retry a failed label waits for
_.logged_in  # ui.pack.view.PackPage: the pack panel (not the badge prompt) is up
_.row_text  # ui.pack.widgets: a row of the lines or recent-scans table as the packer reads it
_.ready  # labels.printer_status.PrinterStatus: a label sent now should print
_.checkpointer  # db.database.Database: the SQLite log thread a station database runs
_.shown_settings  # ui.scanner_test.controller: the settings the fields show (tests, the screenshot script)
_.show_orders_page  # ui.main_window.MainWindow: the order queue to the front
_.flashing  # ui.pack.widgets.VerdictBanner: a new verdict is flashing
_.instruction  # services.station.pick.PickView: the pick screen's one instruction (no window yet)

# The Reports page's chart: Qt paints it by name; reportlab's chart reads the attributes
# the report PDF sets on its line plot.
_.paintEvent
_.strokeColor
_.strokeWidth
_.valueMax
_.valueMin
_.fontName
_.valueSteps
_.labelTextFormat

# Who resent a shipment e-mail, who stored a template: kept for the audit's reader.
_.resend_by_id
_.updated_by_id
# The dock's own reasons and notes: the pack rules' exhaustive tests leave them out.
_.DOCK_REASONS
_.DOCK_NOTES
# Stock that may not be allocated: its status value exists before returns put stock in it.
_.QUARANTINE
# A delivery line's units received so far: the receive station counts into it.
_.received
