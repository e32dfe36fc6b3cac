-- Full CPR numbers are encrypted at rest (dk.enplan.privacy.CprProtection): "v1:" + base64(IV, ciphertext, tag),
-- 55 characters for ten digits; room for a later format. cpr_hash is HMAC-SHA256 of the ten digits (64 hex
-- characters), so a course can be found by CPR without decrypting. Existing plain-text rows are encrypted by the
-- Java migration 2.1 (dk.enplan.privacy.EncryptStoredCprMigration), which needs the key.
alter table course alter column cpr set data type varchar(128);
alter table course add column cpr_hash varchar(64);
create index course_cpr_hash on course (cpr_hash);
