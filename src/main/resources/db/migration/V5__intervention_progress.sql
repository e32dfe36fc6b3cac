-- Where each intervention of the plan stands: the sector's actual start and end dates next to the planned ones
-- (the status column already follows the sector's work); the plan meeting's minutes with the version agreed there.
alter table plan_intervention add column actual_start date;
alter table plan_intervention add column actual_end date;
alter table plan_version add column meeting_note varchar(4000);
