-- Issue 20. A confirmation email carries a one-click unsubscribe too (RFC 8058): the address declines the
-- person's email before it began. Declined, it is not confirmed, its confirmation link no longer works, and
-- that person's saves send it no confirmation again (their own address, from their token, still confirms).
ALTER TABLE email_consent ADD COLUMN declined_at TIMESTAMPTZ;
