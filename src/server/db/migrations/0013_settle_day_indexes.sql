CREATE INDEX "case_returns_returned_at_idx" ON "case_returns" USING btree ("returned_at");--> statement-breakpoint
CREATE INDEX "cases_feedback_at_idx" ON "cases" USING btree ("feedback_at");--> statement-breakpoint
CREATE INDEX "obligations_due_idx" ON "obligations" USING btree ("due_at");