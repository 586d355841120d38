package id.smartcity.readiness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.audit.AuditTrail;
import id.smartcity.platform.http.ETags;
import id.smartcity.platform.http.Page;
import id.smartcity.platform.http.PageRequest;
import id.smartcity.platform.http.Paging;
import id.smartcity.platform.problem.ApiException;
import id.smartcity.platform.problem.Problem;
import id.smartcity.readiness.api.FrameworkDefinition;
import id.smartcity.readiness.api.FrameworkRequest;
import id.smartcity.readiness.api.FrameworkVersionResponse;
import id.smartcity.readiness.api.LocalizedName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FrameworkService {

    @Inject
    FrameworkRepository frameworks;

    @Inject
    ObjectMapper mapper;

    @Inject
    AuditTrail audit;

    /** Adds the next version of the framework (version 1 of a new code). */
    @Transactional
    public FrameworkVersion create(FrameworkRequest sent) {
        check(sent.definition());
        FrameworkRequest request = normalised(sent);
        FrameworkVersion f = new FrameworkVersion();
        f.id = UUID.randomUUID();
        f.frameworkCode = request.code();
        f.version = frameworks.latestVersion(request.code()) + 1;
        apply(request, f);
        frameworks.persist(f);
        audit.created(FrameworkVersion.AUDIT_TYPE, f.auditId(), null, request);
        return f;
    }

    /** Replaces a version that no assessment uses yet; 409 once one does. */
    @Transactional
    public FrameworkVersion replace(String code, int version, String ifMatch, FrameworkRequest sent) {
        FrameworkRequest request = sent;
        FrameworkVersion f = find(code, version);
        ETags.checkIfMatch(ifMatch, f.rowVersion);
        if (!request.code().equals(code)) {
            throw ApiException.invalid("code", "must be " + code + ", the framework of this version");
        }
        if (frameworks.inUse(f.id)) {
            throw ApiException.conflict(f.auditId() + " is used by an assessment and can no longer change;"
                    + " create a new version instead");
        }
        check(request.definition());
        request = normalised(request);
        FrameworkRequest before = state(f);
        apply(request, f);
        audit.updated(FrameworkVersion.AUDIT_TYPE, f.auditId(), null, before, request);
        frameworks.flush();
        return f;
    }

    /** One page of the framework versions, of the framework code when given. */
    public Page<FrameworkVersionResponse> list(String code, PageRequest page) {
        return Paging.page(frameworks.search(code, page.sort()), page, this::toResponse);
    }

    public FrameworkVersion find(String code, int version) {
        return frameworks
                .findVersion(code, version)
                .orElseThrow(() -> ApiException.notFound("Framework " + code + " version " + version));
    }

    /** The stored definition, {@link FrameworkScales#normalised normalised}: scale and levels always present. */
    public FrameworkDefinition definition(FrameworkVersion f) {
        try {
            return FrameworkScales.normalised(mapper.readValue(f.definition, FrameworkDefinition.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored definition of " + f.auditId() + " does not read", e);
        }
    }

    public FrameworkVersionResponse toResponse(FrameworkVersion f) {
        FrameworkDefinition d = definition(f);
        List<FrameworkVersionResponse.BandResponse> bands = ReadinessCalculator.bands(d).stream()
                .map(b -> new FrameworkVersionResponse.BandResponse(
                        b.lowerBound(), b.upperBound(), b.upperInclusive(), b.predicate()))
                .toList();
        return new FrameworkVersionResponse(
                f.frameworkCode,
                f.version,
                new LocalizedName(f.nameId, f.nameEn),
                f.description,
                d,
                bands,
                frameworks.inUse(f.id),
                f.rowVersion,
                f.createdAt);
    }

    /** The request with its definition as stored: scale and levels filled in. */
    private static FrameworkRequest normalised(FrameworkRequest r) {
        return new FrameworkRequest(r.code(), r.name(), r.description(), FrameworkScales.normalised(r.definition()));
    }

    private FrameworkRequest state(FrameworkVersion f) {
        return new FrameworkRequest(
                f.frameworkCode, new LocalizedName(f.nameId, f.nameEn), f.description, definition(f));
    }

    private void apply(FrameworkRequest r, FrameworkVersion f) {
        f.nameId = r.name().id().strip();
        f.nameEn = r.name().en().strip();
        f.description = r.description() == null || r.description().isBlank()
                ? null
                : r.description().strip();
        try {
            f.definition = mapper.writeValueAsString(FrameworkScales.normalised(r.definition()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(FrameworkDefinition d) {
        List<Problem.FieldError> errors = FrameworkRules.check(d, FrameworkScales.normalised(d));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
