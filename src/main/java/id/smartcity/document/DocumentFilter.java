package id.smartcity.document;

import java.util.UUID;

/** The filters of a document list; null means any. */
public record DocumentFilter(
        DocumentOwnerType ownerType, UUID ownerId, DocumentKind kind, DocumentStatus status, String sha256) {}
