CREATE TABLE "kayako_staff_map" (
	"connection_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"staff_id" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kayako_staff_map_connection_id_user_id_pk" PRIMARY KEY("connection_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "kayako_staff_map" ADD CONSTRAINT "kayako_staff_map_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;