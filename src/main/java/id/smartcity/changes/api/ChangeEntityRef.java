package id.smartcity.changes.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangeEntity", description = "The changed record: read it at href with your own rights")
public record ChangeEntityRef(
        @Schema(
                description = "Kind of record, kebab-case",
                examples = "quick-win",
                pattern = "^[a-z][a-z0-9-]*$",
                maxLength = 64)
        String type,

        @Schema(
                description = "Its id (for a participant <session id>/<stakeholder id>, for a framework version"
                        + " <code>/<version>)",
                examples = "5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f",
                maxLength = 100)
        String id,

        @Schema(
                description = "Its API path on this host; for a milestone, progress report or KPI the list it is in"
                        + " under its quick win; absent when the record no longer exists to be found (a deleted"
                        + " milestone)",
                examples = "/api/v1/regions/33.03/quick-wins/5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f",
                pattern = "^/api/v1/",
                maxLength = 300)
        String href) {}
