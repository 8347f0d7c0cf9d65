-- A folded section is now a choice either way (issue 18 point 1): the call statistics start folded so the calls
-- come first, and a person who opens them must be remembered as having opened them. The rows written so far
-- were all "folded".
ALTER TABLE "user_collapsed_sections" RENAME TO "user_section_choices";
--> statement-breakpoint
ALTER TABLE "user_section_choices" ADD COLUMN "collapsed" boolean DEFAULT true NOT NULL;
