-- Who created an article (the token's name): an AUTHOR may only change drafts it created.
alter table article add column created_by varchar(100);
