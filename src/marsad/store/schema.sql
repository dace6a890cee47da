-- Marsad DuckDB schema (version 1). Ids are content hashes: storing the same article twice changes nothing.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
  doc_id VARCHAR PRIMARY KEY,      -- given id or content hash
  content_hash VARCHAR NOT NULL,   -- sha1 of the raw text
  raw_text VARCHAR NOT NULL,       -- the text exactly as read; all offsets point into it
  cleaned_text VARCHAR,            -- without site chrome
  removed JSON,                    -- [{start, end, kind}] chrome removed from coding
  pub_date DATE, pub_date_inferred BOOLEAN,
  title VARCHAR, url VARCHAR, outlet VARCHAR, origin VARCHAR,
  language VARCHAR, notes JSON, coded_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS sentences (
  doc_id VARCHAR, idx INTEGER, start_off INTEGER, end_off INTEGER, text VARCHAR, headline BOOLEAN,
  PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS mentions (
  doc_id VARCHAR, start_off INTEGER, end_off INTEGER, text VARCHAR,
  actor_id VARCHAR, actor_name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR,
  provisional BOOLEAN, via VARCHAR, role VARCHAR,
  PRIMARY KEY (doc_id, start_off)
);
CREATE TABLE IF NOT EXISTS events (
  event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, type VARCHAR, mode VARCHAR, cameo VARCHAR,
  source_id VARCHAR, source_name VARCHAR, source_code VARCHAR, source_mention VARCHAR,
  target_id VARCHAR, target_name VARCHAR, target_code VARCHAR, target_mention VARCHAR,
  date DATE, date_precision VARCHAR, date_text VARCHAR, story_date DATE,
  location_id VARCHAR, location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
  modality VARCHAR, trigger VARCHAR, evidence VARCHAR, confidence DOUBLE,
  dedup_key VARCHAR,               -- same type, sides and day across articles: one real-world event
  record JSON                      -- the full EVENT_FORMAT.md object
);
CREATE TABLE IF NOT EXISTS failures (
  origin VARCHAR, doc_id VARCHAR, stage VARCHAR, field VARCHAR, message VARCHAR, skipped BOOLEAN,
  seen_at TIMESTAMP
);
