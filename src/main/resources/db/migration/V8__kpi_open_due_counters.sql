-- Late work "now" read from counters instead of every open item: the items still open per municipality, kind and
-- month due (metric open_due in kpi_month, kept by the ledger as items are created and done), read by metric.
insert into kpi_month (tenant_id, yyyymm, metric, item, amount)
select tenant_id, due_month, 'open_due', kind, count(*) from kpi_due where is_open group by tenant_id, due_month, kind;

create index kpi_month_metric on kpi_month (metric, tenant_id, yyyymm, item, amount);
