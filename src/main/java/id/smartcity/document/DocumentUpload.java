package id.smartcity.document;

import java.util.UUID;

/**
 * What an upload says besides its bytes, from the form's fields or the raw upload's query and
 * headers: checked by {@link DocumentService#upload}.
 */
public record DocumentUpload(
        String title,
        DocumentKind kind,
        DocumentOwnerType ownerType,
        UUID ownerId,
        String indicatorCode,
        String fileName,
        String declaredType) {}
