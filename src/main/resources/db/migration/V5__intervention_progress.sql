-- Where each intervention of the plan stands: the sector's actual start and end dates next to the planned ones
-- (the status column already follows the sector's work). With each plan version: the minutes of the plan meeting
-- where it was agreed and the combined decision made on it (issue 14: answers leave the process once consumed, what
-- the plan needs stays here).
alter table plan_intervention add column actual_start date;
alter table plan_intervention add column actual_end date;
alter table plan_version add column meeting_note varchar(4000);
alter table plan_version add column decision_text varchar(4000);
alter table plan_version add column decided_by varchar(64);
alter table plan_version add column decided_at timestamp(6) with time zone;
