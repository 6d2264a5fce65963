-- Operators requeue or discard dead mails (management port, ADMIN_TOKEN). A dead row now keeps its
-- sealed body until it is requeued and sent, discarded, or purged after 30 days. valid_until is when
-- the content stops being of use (a reset link's expiry), so an expired mail is never requeued; null
-- means it does not expire.
alter table mail_outbox add column valid_until timestamptz;
alter table mail_outbox drop constraint mail_outbox_status;
alter table mail_outbox add constraint mail_outbox_status check (status in ('pending', 'sent', 'dead', 'discarded'));
