-- The lists of events with a key (closures by reason, deliveries by sector, first plans: item '1') in the order they
-- happened, from the index alone up to the 51 rows of a page: with the key only in V9's index's rows PostgreSQL
-- filtered a whole year of one municipality's closures and sorted them (229 ms at 1,000,000 courses).
create index kpi_event_keyed_list on kpi_event (tenant_id, kind, item, occurred_at, id);
