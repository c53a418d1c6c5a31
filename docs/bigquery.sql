-- Generated from the record schemas by BigQueryDdlTest: do not edit by hand (rerun the test with
-- -Dmeetscope.writeDocs=true). The tables of `meetscope nightly --sink=bigquery` (docs/bigquery.md):
-- the record's columns, then meeting_date (the partition, the run's --date) and host_key.
-- Replace my-project.meetscope with your project and dataset, e.g.
--   sed 's/my-project\.meetscope/acme-analytics.meetscope/' docs/bigquery.sql | bq query --use_legacy_sql=false
-- Partitions never expire. With --retentionDays=N the sink creates missing tables with that partition
-- expiry; it never changes an existing table's, so run each table's commented ALTER TABLE
-- below with N (also to change or set the retention later).

CREATE TABLE IF NOT EXISTS `my-project.meetscope.participant_session` (
  `meeting_key` STRING,
  `source_file` STRING,
  `source_line` INT64 NOT NULL,
  `format` STRING,
  `meeting_id` STRING,
  `meeting_uuid` STRING,
  `display_name` STRING,
  `original_name` STRING,
  `email` STRING,
  `participant_id` STRING,
  `participant_user_id` STRING,
  `user_id` STRING,
  `customer_key` STRING,
  `registrant_id` STRING,
  `join_time` TIMESTAMP,
  `leave_time` TIMESTAMP,
  `duration_seconds` INT64,
  `guest` BOOL,
  `role` STRING,
  `recording_consent` STRING,
  `status` STRING,
  `breakout_room_id` STRING,
  `flags` ARRAY<STRING>,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.participant_session` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.utterance` (
  `meeting_key` STRING,
  `source_file` STRING,
  `source_line` INT64 NOT NULL,
  `format` STRING,
  `cue_id` INT64,
  `speaker_label` STRING,
  `speaker_inferred` BOOL NOT NULL,
  `time_base` STRING,
  `start_ms` INT64 NOT NULL,
  `end_ms` INT64,
  `wall_time` TIMESTAMP,
  `text` STRING,
  `flags` ARRAY<STRING>,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.utterance` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.chat_message` (
  `meeting_key` STRING,
  `source_file` STRING,
  `source_line` INT64 NOT NULL,
  `format` STRING,
  `dialect` STRING,
  `sender_label` STRING,
  `recipient_label` STRING,
  `kind` STRING,
  `is_private` BOOL NOT NULL,
  `text` STRING,
  `target_snippet` STRING,
  `time_base` STRING,
  `offset_ms` INT64,
  `local_time` STRING,
  `local_date` STRING,
  `wall_time` TIMESTAMP,
  `flags` ARRAY<STRING>,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.chat_message` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.meeting_event` (
  `meeting_key` STRING,
  `source_file` STRING,
  `source_line` INT64 NOT NULL,
  `format` STRING,
  `event` STRING,
  `event_time` TIMESTAMP,
  `request_id` STRING,
  `account_id` STRING,
  `meeting_id` STRING,
  `meeting_uuid` STRING,
  `topic` STRING,
  `host_id` STRING,
  `meeting_start_time` TIMESTAMP,
  `meeting_end_time` TIMESTAMP,
  `timezone` STRING,
  `display_name` STRING,
  `email` STRING,
  `participant_id` STRING,
  `participant_user_id` STRING,
  `user_id` STRING,
  `participant_uuid` STRING,
  `customer_key` STRING,
  `registrant_id` STRING,
  `join_time` TIMESTAMP,
  `leave_time` TIMESTAMP,
  `leave_reason` STRING,
  `flags` ARRAY<STRING>,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.meeting_event` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.participant_meeting` (
  `meeting_key` STRING,
  `participant_key` STRING,
  `display_name` STRING,
  `email` STRING,
  `is_host` BOOL,
  `first_join` TIMESTAMP,
  `last_leave` TIMESTAMP,
  `attended_seconds` INT64,
  `attendance_ratio` FLOAT64,
  `sessions` INT64,
  `rejoins` INT64,
  `late_join_seconds` INT64,
  `early_leave_seconds` INT64,
  `attention_score` FLOAT64,
  `talk_seconds` FLOAT64,
  `speaking_pct` FLOAT64,
  `turns` INT64,
  `words` INT64,
  `words_per_minute` FLOAT64,
  `longest_monologue_seconds` FLOAT64,
  `monologues` INT64,
  `questions_asked` INT64,
  `interruptions_made` INT64,
  `interrupted` INT64,
  `chat_messages` INT64,
  `chat_questions` INT64,
  `chat_replies` INT64,
  `reactions` INT64,
  `reactions_received` INT64,
  `private_chat_messages` INT64,
  `chat_activity` STRING,
  `sentiment_avg` FLOAT64,
  `key_topics_contributed` ARRAY<STRING>,
  `engagement_score` FLOAT64,
  `engagement_attention` FLOAT64,
  `engagement_speaking` FLOAT64,
  `engagement_chat` FLOAT64,
  `engagement_questions` FLOAT64,
  `engagement_tone` FLOAT64,
  `match_method` STRING,
  `flags` ARRAY<STRING>,
  `confidence` FLOAT64,
  `metrics_version` STRING,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.participant_meeting` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.meeting` (
  `meeting_key` STRING,
  `meeting_id` STRING,
  `topic` STRING,
  `meeting_start` TIMESTAMP,
  `meeting_end` TIMESTAMP,
  `duration_seconds` INT64,
  `span_source` STRING,
  `participants` INT64,
  `peak_concurrent` INT64,
  `never_spoke` INT64,
  `avg_attendance_ratio` FLOAT64,
  `total_talk_seconds` FLOAT64,
  `talk_listen_ratio` FLOAT64,
  `participation_gini` FLOAT64,
  `speaker_entropy` FLOAT64,
  `crosstalk_seconds` FLOAT64,
  `crosstalk_segments` ARRAY<STRUCT<`start` TIMESTAMP, `end` TIMESTAMP, `start_offset_seconds` FLOAT64, `end_offset_seconds` FLOAT64, `speakers` ARRAY<STRING>, `kind` STRING>>,
  `interruptions` INT64,
  `questions` INT64,
  `answered_ratio` FLOAT64,
  `chat_messages` INT64,
  `mass_dropoffs` ARRAY<STRUCT<`start` TIMESTAMP, `end` TIMESTAMP, `start_offset_seconds` FLOAT64, `end_offset_seconds` FLOAT64, `leavers` INT64, `present_before` INT64, `share` FLOAT64>>,
  `engagement_drops` ARRAY<STRUCT<`start_minute` INT64, `end_minute` INT64, `drop_pct` FLOAT64>>,
  `action_items` ARRAY<STRUCT<`text` STRING, `owner_key` STRING, `owner_name` STRING, `due_phrase` STRING, `clear` BOOL, `time` TIMESTAMP>>,
  `topics` ARRAY<STRING>,
  `engagement_mean` FLOAT64,
  `effectiveness_score` FLOAT64,
  `summary` STRING,
  `flags` ARRAY<STRING>,
  `confidence` FLOAT64,
  `metrics_version` STRING,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.meeting` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.meeting_timeline` (
  `meeting_key` STRING,
  `minute_index` INT64,
  `minute_start` TIMESTAMP,
  `present` INT64,
  `joins` INT64,
  `leaves` INT64,
  `speakers_active` INT64,
  `talk_seconds` FLOAT64,
  `chat_messages` INT64,
  `reactions` INT64,
  `questions` INT64,
  `sentiment_mean` FLOAT64,
  `engagement_index` FLOAT64,
  `topic_id` INT64,
  `metrics_version` STRING,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.meeting_timeline` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.utterance_sentiment` (
  `meeting_key` STRING,
  `source` STRING,
  `format` STRING,
  `source_file` STRING,
  `source_line` INT64 NOT NULL,
  `speaker_label` STRING,
  `wall_time` TIMESTAMP,
  `sentiment` FLOAT64,
  `sentences` INT64 NOT NULL,
  `pieces` INT64 NOT NULL,
  `words` INT64 NOT NULL,
  `emoji` INT64 NOT NULL,
  `failed_sentences` INT64 NOT NULL,
  `metrics_version` STRING,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.utterance_sentiment` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.meeting_topic` (
  `meeting_key` STRING,
  `topic_id` INT64,
  `label` STRING,
  `keywords` ARRAY<STRING>,
  `words` INT64,
  `word_share` FLOAT64,
  `segments` INT64,
  `time_ranges` ARRAY<STRUCT<`start_seconds` FLOAT64, `end_seconds` FLOAT64, `start` TIMESTAMP, `end` TIMESTAMP>>,
  `contributors` ARRAY<STRUCT<`speaker_label` STRING, `words` INT64, `share` FLOAT64>>,
  `metrics_version` STRING,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.meeting_topic` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.action_item` (
  `meeting_key` STRING,
  `source` STRING,
  `source_file` STRING,
  `source_line` INT64 NOT NULL,
  `speaker_label` STRING,
  `wall_time` TIMESTAMP,
  `offset_ms` INT64,
  `text` STRING,
  `task` STRING,
  `owner_name` STRING,
  `owner_is_speaker` BOOL,
  `due_phrase` STRING,
  `clear` BOOL,
  `rule` STRING,
  `metrics_version` STRING,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.action_item` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.score_component` (
  `meeting_key` STRING,
  `participant_key` STRING,
  `score` STRING,
  `component` STRING,
  `value` FLOAT64,
  `weight` FLOAT64,
  `points` FLOAT64,
  `scoring_profile` STRING,
  `metrics_version` STRING,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.score_component` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.series_trend` (
  `meeting_id` STRING,
  `meeting_key` STRING,
  `topic` STRING,
  `meeting_start` TIMESTAMP,
  `occurrence` INT64,
  `occurrences` INT64,
  `engagement_mean` FLOAT64,
  `effectiveness_score` FLOAT64,
  `avg_attendance_ratio` FLOAT64,
  `participants` INT64,
  `below_threshold` BOOL,
  `consecutive_below` INT64,
  `alert` BOOL,
  `metrics_version` STRING,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.series_trend` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.meeting_anomaly` (
  `meeting_key` STRING,
  `meeting_id` STRING,
  `baseline` STRING,
  `metric` STRING,
  `value` FLOAT64,
  `baseline_median` FLOAT64,
  `baseline_meetings` INT64,
  `reason` STRING,
  `metrics_version` STRING,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.meeting_anomaly` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.person_week` (
  `participant_key` STRING,
  `iso_week` STRING,
  `meetings` INT64,
  `hours_in_meetings` FLOAT64,
  `engagement_mean` FLOAT64,
  `speaking_pct_mean` FLOAT64,
  `speaking_pct_trend` FLOAT64,
  `metrics_version` STRING,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY participant_key;
-- ALTER TABLE `my-project.meetscope.person_week` SET OPTIONS (partition_expiration_days = N);

CREATE TABLE IF NOT EXISTS `my-project.meetscope.dead_letter` (
  `meeting_key` STRING,
  `stage` STRING,
  `format` STRING,
  `source_file` STRING,
  `source_line` INT64,
  `byte_offset` INT64,
  `reason` STRING,
  `message` STRING,
  `raw_text` STRING,
  `meeting_date` DATE NOT NULL,
  `host_key` STRING
)
PARTITION BY meeting_date
CLUSTER BY meeting_key, host_key;
-- ALTER TABLE `my-project.meetscope.dead_letter` SET OPTIONS (partition_expiration_days = N);

-- ---------------------------------------------------------------------------------------------
-- Access: run after the tables, with your own datasets and groups (sed as above, and for the
-- meetscope_acl dataset and the example.com / my-project.iam addresses).
-- Role-based access (docs/governance.md §5.2), generated by BigQueryAccessSql for my-project.meetscope.
-- Datasets: meetscope (tables) and meetscope_acl (ACL tables): pipeline and admins only; one dataset of
-- authorized views per audience. Create them in the core dataset's location: a view cannot read another.
CREATE SCHEMA IF NOT EXISTS `my-project.meetscope_acl`;
CREATE SCHEMA IF NOT EXISTS `my-project.meetscope_host`;
CREATE SCHEMA IF NOT EXISTS `my-project.meetscope_manager`;
CREATE SCHEMA IF NOT EXISTS `my-project.meetscope_people_ops`;

CREATE TABLE IF NOT EXISTS `my-project.meetscope_acl.host_principal` (
  `host_key` STRING NOT NULL,   -- the host's participant_key, as in the tables' host_key
  `principal` STRING NOT NULL   -- the host's sign-in email, as SESSION_USER() returns it
);

CREATE TABLE IF NOT EXISTS `my-project.meetscope_acl.roster` (   -- replaced on each roster load
  `participant_key` STRING NOT NULL,   -- the person's participant_key (stable identity)
  `manager_email` STRING NOT NULL,     -- the manager's sign-in email
  `department` STRING
);

-- Row access policies. A user sees only the rows of the policies that grant them; the pipeline and
-- the purge need the TRUE filter. Subquery policies are a newer BigQuery feature: where it is not
-- available, drop host_own_meetings and manager_direct_reports and rely on the views, which filter themselves.

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.participant_session`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.participant_session`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.utterance`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.utterance`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.chat_message`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.chat_message`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.meeting_event`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.meeting_event`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.participant_meeting`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.participant_meeting`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY manager_direct_reports
ON `my-project.meetscope.participant_meeting`
GRANT TO ("group:meetscope-managers@example.com")
FILTER USING (participant_key IN (
    SELECT participant_key FROM `my-project.meetscope_acl.roster` WHERE manager_email = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY people_ops_aggregates
ON `my-project.meetscope.participant_meeting`
GRANT TO ("group:meetscope-people-ops@example.com")
FILTER USING (TRUE);  -- people-ops has no IAM role on meetscope: it reads these rows only through its views

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.meeting`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.meeting`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.meeting_timeline`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.meeting_timeline`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.utterance_sentiment`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.utterance_sentiment`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.meeting_topic`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.meeting_topic`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.action_item`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.action_item`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.score_component`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.score_component`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY manager_direct_reports
ON `my-project.meetscope.score_component`
GRANT TO ("group:meetscope-managers@example.com")
FILTER USING (participant_key IN (
    SELECT participant_key FROM `my-project.meetscope_acl.roster` WHERE manager_email = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.series_trend`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.series_trend`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.meeting_anomaly`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY host_own_meetings
ON `my-project.meetscope.meeting_anomaly`
GRANT TO ("group:meetscope-hosts@example.com")
FILTER USING (host_key IN (
    SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.person_week`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

CREATE OR REPLACE ROW ACCESS POLICY manager_direct_reports
ON `my-project.meetscope.person_week`
GRANT TO ("group:meetscope-managers@example.com")
FILTER USING (participant_key IN (
    SELECT participant_key FROM `my-project.meetscope_acl.roster` WHERE manager_email = SESSION_USER()));

CREATE OR REPLACE ROW ACCESS POLICY pipeline_all
ON `my-project.meetscope.dead_letter`
GRANT TO ("serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com", "group:meetscope-admins@example.com")
FILTER USING (TRUE);

-- Host views: the rows of the meetings the caller hosted (host_principal maps host_key to sign-in).

CREATE OR REPLACE VIEW `my-project.meetscope_host.participant_session` AS
SELECT t.*
FROM `my-project.meetscope.participant_session` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

CREATE OR REPLACE VIEW `my-project.meetscope_host.utterance` AS
SELECT t.*
FROM `my-project.meetscope.utterance` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

CREATE OR REPLACE VIEW `my-project.meetscope_host.chat_message` AS
SELECT t.*
FROM `my-project.meetscope.chat_message` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

CREATE OR REPLACE VIEW `my-project.meetscope_host.meeting_event` AS
SELECT t.*
FROM `my-project.meetscope.meeting_event` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

CREATE OR REPLACE VIEW `my-project.meetscope_host.participant_meeting` AS
SELECT t.*
FROM `my-project.meetscope.participant_meeting` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

CREATE OR REPLACE VIEW `my-project.meetscope_host.meeting` AS
SELECT t.*
FROM `my-project.meetscope.meeting` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

CREATE OR REPLACE VIEW `my-project.meetscope_host.meeting_timeline` AS
SELECT t.*
FROM `my-project.meetscope.meeting_timeline` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

CREATE OR REPLACE VIEW `my-project.meetscope_host.utterance_sentiment` AS
SELECT t.*
FROM `my-project.meetscope.utterance_sentiment` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

CREATE OR REPLACE VIEW `my-project.meetscope_host.meeting_topic` AS
SELECT t.*
FROM `my-project.meetscope.meeting_topic` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

CREATE OR REPLACE VIEW `my-project.meetscope_host.action_item` AS
SELECT t.*
FROM `my-project.meetscope.action_item` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

CREATE OR REPLACE VIEW `my-project.meetscope_host.score_component` AS
SELECT t.*
FROM `my-project.meetscope.score_component` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

CREATE OR REPLACE VIEW `my-project.meetscope_host.series_trend` AS
SELECT t.*
FROM `my-project.meetscope.series_trend` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

CREATE OR REPLACE VIEW `my-project.meetscope_host.meeting_anomaly` AS
SELECT t.*
FROM `my-project.meetscope.meeting_anomaly` AS t
WHERE t.host_key IN (
  SELECT host_key FROM `my-project.meetscope_acl.host_principal` WHERE principal = SESSION_USER());

-- Manager and people-ops views: aggregates per ISO week of first_join (UTC), never over fewer than 5
-- distinct people; no participant_key, name or email.

CREATE OR REPLACE VIEW `my-project.meetscope_manager.team_week` AS
SELECT
  DATE_TRUNC(DATE(pm.first_join), ISOWEEK) AS week_start,
  COUNT(DISTINCT pm.participant_key) AS people,
  COUNT(DISTINCT pm.meeting_key) AS meetings,
  ROUND(IFNULL(SUM(pm.attended_seconds), 0) / 3600, 2) AS meeting_hours,
  ROUND(AVG(pm.engagement_score), 2) AS engagement_mean,
  ROUND(AVG(pm.speaking_pct), 2) AS speaking_pct_mean
FROM `my-project.meetscope.participant_meeting` AS pm
JOIN `my-project.meetscope_acl.roster` AS r ON r.participant_key = pm.participant_key
WHERE r.manager_email = SESSION_USER() AND pm.first_join IS NOT NULL
GROUP BY week_start
HAVING COUNT(DISTINCT pm.participant_key) >= 5;

CREATE OR REPLACE VIEW `my-project.meetscope_people_ops.department_week` AS
WITH dept AS (
  SELECT
    COALESCE(r.department, '(no department)') AS department,
    DATE_TRUNC(DATE(pm.first_join), ISOWEEK) AS week_start,
    COUNT(DISTINCT pm.participant_key) AS people,
    COUNT(DISTINCT pm.meeting_key) AS meetings,
    ROUND(IFNULL(SUM(pm.attended_seconds), 0) / 3600, 2) AS meeting_hours,
    ROUND(AVG(pm.engagement_score), 2) AS engagement_mean,
    ROUND(AVG(pm.speaking_pct), 2) AS speaking_pct_mean
  FROM `my-project.meetscope.participant_meeting` AS pm
  LEFT JOIN `my-project.meetscope_acl.roster` AS r ON r.participant_key = pm.participant_key
  WHERE pm.first_join IS NOT NULL
  GROUP BY 1, 2
),
ranked AS (
  SELECT
    *,
    SUM(IF(people < 5, people, 0)) OVER (PARTITION BY week_start) AS small_people,
    -- people in reported departments no larger than this one (ties by name)
    SUM(IF(people >= 5, people, 0)) OVER (
      PARTITION BY week_start ORDER BY people, department
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS reported_people_up_to_here
  FROM dept
)
SELECT department, week_start, people, meetings, meeting_hours, engagement_mean, speaking_pct_mean
FROM ranked
WHERE people >= 5
  -- complementary suppression (GroupSuppression.applyWithComplement): hide the smallest reported
  -- departments until the hidden ones hold at least 5 people, so org_week minus the shown
  -- departments never gives a small department's numbers
  AND NOT (small_people > 0 AND small_people + reported_people_up_to_here - people < 5);

CREATE OR REPLACE VIEW `my-project.meetscope_people_ops.org_week` AS
SELECT
  DATE_TRUNC(DATE(pm.first_join), ISOWEEK) AS week_start,
  COUNT(DISTINCT pm.participant_key) AS people,
  COUNT(DISTINCT pm.meeting_key) AS meetings,
  ROUND(IFNULL(SUM(pm.attended_seconds), 0) / 3600, 2) AS meeting_hours,
  ROUND(AVG(pm.engagement_score), 2) AS engagement_mean,
  ROUND(AVG(pm.speaking_pct), 2) AS speaking_pct_mean
FROM `my-project.meetscope.participant_meeting` AS pm
WHERE pm.first_join IS NOT NULL
GROUP BY week_start
HAVING COUNT(DISTINCT pm.participant_key) >= 5;

-- Who may read what: each audience only its own view dataset (plus roles/bigquery.jobUser on a project
-- to run queries); the core and ACL datasets stay with the pipeline and the admins.
GRANT `roles/bigquery.dataEditor` ON SCHEMA `my-project.meetscope` TO "serviceAccount:meetscope-pipeline@my-project.iam.gserviceaccount.com";
GRANT `roles/bigquery.dataOwner` ON SCHEMA `my-project.meetscope` TO "group:meetscope-admins@example.com";
GRANT `roles/bigquery.dataOwner` ON SCHEMA `my-project.meetscope_acl` TO "group:meetscope-admins@example.com";
GRANT `roles/bigquery.dataViewer` ON SCHEMA `my-project.meetscope_host` TO "group:meetscope-hosts@example.com";
GRANT `roles/bigquery.dataViewer` ON SCHEMA `my-project.meetscope_manager` TO "group:meetscope-managers@example.com";
GRANT `roles/bigquery.dataViewer` ON SCHEMA `my-project.meetscope_people_ops` TO "group:meetscope-people-ops@example.com";

-- Authorize the view datasets on meetscope and meetscope_acl (not SQL). For each of the two datasets:
--   bq show --format=prettyjson my-project:DATASET > access.json
-- add these entries to its "access" list, then
--   bq update --source access.json my-project:DATASET
--   {"dataset": {"dataset": {"projectId": "my-project", "datasetId": "meetscope_host"}, "targetTypes": ["VIEWS"]}}
--   {"dataset": {"dataset": {"projectId": "my-project", "datasetId": "meetscope_manager"}, "targetTypes": ["VIEWS"]}}
--   {"dataset": {"dataset": {"projectId": "my-project", "datasetId": "meetscope_people_ops"}, "targetTypes": ["VIEWS"]}}
