package id.smartcity.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.smartcity.platform.security.Roles;
import id.smartcity.testsupport.Db;
import id.smartcity.testsupport.TestData;
import id.smartcity.testsupport.Tokens;
import id.smartcity.testsupport.contract.InvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DocumentResourceTest {

    private String region;
    private String contributor;
    private String viewer;

    @BeforeEach
    void region() {
        region = TestData.createRegion("Kabupaten Dokumen");
        contributor = Tokens.of(Roles.CONTRIBUTOR, region);
        viewer = Tokens.of(Roles.VIEWER, region);
    }

    private String documents() {
        return "/api/v1/regions/" + region + "/documents";
    }

    /** A PDF of {@code size} bytes: the signature, then random bytes from the seed. */
    static byte[] pdf(int size, long seed) {
        byte[] head =
                "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    static byte[] png() {
        byte[] b = new byte[300];
        new Random(7).nextBytes(b);
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(sig, 0, b, 0, sig.length);
        return b;
    }

    static byte[] docx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private ExtractableResponse<Response> raw(String token, byte[] body, String type, String name, String query) {
        return given().auth()
                .oauth2(token)
                .contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .body(body)
                .post(documents() + "?" + query)
                .then()
                .extract();
    }

    private String session() {
        return given().auth()
                .oauth2(TestData.adminToken())
                .contentType("application/json")
                .body(java.util.Map.of(
                        "title", "FGD Smart GOVERNANCE",
                        "dimension", "GOVERNANCE",
                        "bimtekStage", 2,
                        "bimtekDay", 1,
                        "scheduledStart", "2024-07-11T09:00:00+07:00",
                        "scheduledEnd", "2024-07-11T12:00:00+07:00",
                        "venue", "Gedung Ardilawet, Kompleks Setda Purbalingga"))
                .post("/api/v1/regions/" + region + "/fgd-sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aRawPdfIsStoredWithItsHashInTheRecordAndTheAuditTrailAndDownloadsByteForByte() throws Exception {
        String sessionId = session();
        byte[] pdf = pdf(1_500_000, 1);
        ExtractableResponse<Response> r = raw(
                contributor,
                pdf,
                "application/pdf",
                "../../etc/Notulen rapat <Tahap II>.pdf",
                "title=Notulen%20FGD%20Tata%20Kelola&kind=MINUTES&ownerType=FGD_SESSION&ownerId=" + sessionId);
        assertEquals(201, r.statusCode(), r.asString());
        String id = r.path("id");
        assertEquals(sha256(pdf), r.path("sha256"));
        assertEquals("application/pdf", r.path("mediaType"));
        assertEquals(pdf.length, ((Number) r.path("sizeBytes")).intValue());
        assertEquals("Notulen rapat _Tahap II_.pdf", r.path("fileName"));
        assertEquals("/api/v1/regions/" + region + "/fgd-sessions/" + sessionId, r.path("ownerHref"));
        assertEquals(Boolean.FALSE, r.path("personalData"));
        assertTrue(r.header("Location").endsWith("/documents/" + id));
        assertEquals("\"0\"", r.header("ETag"));

        // Listed under its owner.
        given().auth()
                .oauth2(viewer)
                .get(documents() + "?ownerType=FGD_SESSION&ownerId=" + sessionId)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id));

        // The upload's audit event carries the SHA-256, size and type.
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR, region))
                .get("/api/v1/audit-events?entityType=DOCUMENT&entityId=" + id)
                .then()
                .statusCode(200)
                .body("items[0].action", equalTo("CREATE"))
                .body("items[0].after.sha256", equalTo(sha256(pdf)))
                .body("items[0].after.sizeBytes", equalTo(pdf.length))
                .body("items[0].after.mediaType", equalTo("application/pdf"));

        // The whole content: every byte, as an attachment that cannot run.
        ExtractableResponse<Response> whole = given().auth()
                .oauth2(viewer)
                .get(documents() + "/" + id + "/content")
                .then()
                .extract();
        assertEquals(200, whole.statusCode());
        assertArrayEquals(pdf, whole.asByteArray());
        assertEquals("\"" + sha256(pdf) + "\"", whole.header("ETag"));
        assertEquals("bytes", whole.header("Accept-Ranges"));
        assertThat(whole.header("Content-Type"), startsWith("application/pdf"));
        assertThat(
                whole.header("Content-Disposition"),
                startsWith("attachment; filename=\"Notulen rapat _Tahap II_.pdf\""));
        assertEquals("nosniff", whole.header("X-Content-Type-Options"));
        assertThat(whole.header("Content-Security-Policy"), containsString("sandbox"));
        assertThat(whole.header("Content-Security-Policy"), containsString("default-src 'none'"));

        // Ranges: exact bytes, a suffix, an open end; past the end is 416.
        ExtractableResponse<Response> first = range(id, "bytes=0-99", null);
        assertEquals(206, first.statusCode());
        assertArrayEquals(Arrays.copyOfRange(pdf, 0, 100), first.asByteArray());
        assertEquals("bytes 0-99/" + pdf.length, first.header("Content-Range"));
        ExtractableResponse<Response> across = range(id, "bytes=1048570-1048589", null);
        assertArrayEquals(Arrays.copyOfRange(pdf, 1_048_570, 1_048_590), across.asByteArray());
        ExtractableResponse<Response> suffix = range(id, "bytes=-10", null);
        assertArrayEquals(Arrays.copyOfRange(pdf, pdf.length - 10, pdf.length), suffix.asByteArray());
        ExtractableResponse<Response> open = range(id, "bytes=1499990-", null);
        assertEquals("bytes 1499990-1499999/1500000", open.header("Content-Range"));
        assertEquals(10, open.asByteArray().length);
        ExtractableResponse<Response> past = range(id, "bytes=1500000-", null);
        assertEquals(416, past.statusCode());
        assertEquals("bytes */1500000", past.header("Content-Range"));
        assertEquals("urn:smartcity:problem:range-not-satisfiable", past.path("type"));
        // If-Range naming another version: the whole content.
        ExtractableResponse<Response> stale = range(id, "bytes=0-99", "\"" + "0".repeat(64) + "\"");
        assertEquals(200, stale.statusCode());
        assertEquals(pdf.length, stale.asByteArray().length);
        ExtractableResponse<Response> current = range(id, "bytes=0-99", "\"" + sha256(pdf) + "\"");
        assertEquals(206, current.statusCode());

        // Conditional GET.
        given().auth()
                .oauth2(viewer)
                .header("If-None-Match", "\"" + sha256(pdf) + "\"")
                .get(documents() + "/" + id + "/content")
                .then()
                .statusCode(304)
                .header("ETag", equalTo("\"" + sha256(pdf) + "\""));

        // Verified against the chain.
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR, region))
                .get(documents() + "/" + id + "/verify")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("auditedSha256", equalTo(sha256(pdf)))
                .body("storedSha256", equalTo(sha256(pdf)))
                .body("storedSizeBytes", equalTo(pdf.length))
                .body("detail", nullValue());
    }

    private ExtractableResponse<Response> range(String id, String range, String ifRange) {
        var request = given().auth().oauth2(viewer).header("Range", range);
        if (ifRange != null) {
            request.header("If-Range", ifRange);
        }
        return request.get(documents() + "/" + id + "/content").then().extract();
    }

    private static <T> void assertThat(T actual, org.hamcrest.Matcher<? super T> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }

    /** The contract validator cannot read a multipart body (it reports none): its requests go unchecked. */
    @InvalidRequests
    @Test
    void aMultipartUploadIsTypedFromItsBytes() throws Exception {
        byte[] docx = docx();
        ExtractableResponse<Response> r = given().auth()
                .oauth2(contributor)
                .multiPart("file", "Berita Acara.docx", docx, "application/octet-stream")
                .multiPart("title", "Berita acara komitmen")
                .multiPart("kind", "COMMITMENT")
                .post(documents())
                .then()
                .extract();
        assertEquals(201, r.statusCode(), r.asString());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", r.path("mediaType"));
        assertEquals("Berita Acara.docx", r.path("fileName"));
        assertEquals(sha256(docx), r.path("sha256"));
        assertEquals(null, (Object) r.path("ownerType"));

        ExtractableResponse<Response> image = given().auth()
                .oauth2(contributor)
                .multiPart("file", "foto sesi", png(), "image/png")
                .multiPart("title", "Foto sesi FGD")
                .multiPart("kind", "PHOTO")
                .post(documents())
                .then()
                .extract();
        assertEquals(201, image.statusCode(), image.asString());
        assertEquals("image/png", image.path("mediaType"));
        assertEquals("foto sesi.png", image.path("fileName"));
    }

    @Test
    void aTypeTheBytesDoNotBearOutIsRefused() throws Exception {
        byte[] pdf = pdf(5_000, 2);
        // A PDF renamed .png and declared image/png.
        ExtractableResponse<Response> renamed = raw(contributor, pdf, "image/png", "foto.png", "title=Foto&kind=PHOTO");
        assertEquals(415, renamed.statusCode());
        assertEquals("urn:smartcity:problem:unsupported-media-type", renamed.path("type"));
        assertThat(renamed.path("detail"), containsString("application/pdf"));
        // The right type declared, the wrong name.
        assertEquals(
                415,
                raw(contributor, pdf, "application/pdf", "foto.png", "title=Foto&kind=PHOTO")
                        .statusCode());
        // HTML and SVG with script: never stored, whatever they claim.
        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(
                415,
                raw(contributor, html, "text/csv", "data.csv", "title=Data&kind=OTHER")
                        .statusCode());
        assertEquals(
                415,
                raw(contributor, html, "application/octet-stream", "x.html", "title=X&kind=OTHER")
                        .statusCode());
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        ExtractableResponse<Response> vector =
                raw(contributor, svg, "image/svg+xml", "peta.svg", "title=Peta&kind=PHOTO");
        assertEquals(415, vector.statusCode());
        // An empty file, raw or as a form, is no document.
        ExtractableResponse<Response> empty =
                raw(contributor, new byte[0], "application/pdf", "kosong.pdf", "title=Kosong&kind=MINUTES");
        assertEquals(400, empty.statusCode(), empty.asString());
        assertEquals("file", empty.path("errors[0].field"));
        assertEquals("is empty; a document needs content", empty.path("errors[0].message"));
        given().auth()
                .oauth2(contributor)
                .multiPart("file", "kosong.pdf", new byte[0], "application/pdf")
                .multiPart("title", "Kosong")
                .multiPart("kind", "MINUTES")
                .post(documents())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("file"));
        // Nothing was stored.
        given().auth().oauth2(viewer).get(documents()).then().statusCode(200).body("total", equalTo(0));
        // A CSV is a CSV.
        byte[] csv = "dimensi,jumlah\nGOVERNANCE,3\n".getBytes(StandardCharsets.UTF_8);
        ExtractableResponse<Response> table = raw(contributor, csv, "text/csv", "rekap.csv", "title=Rekap&kind=REPORT");
        assertEquals(201, table.statusCode(), table.asString());
        assertEquals("text/csv", table.path("mediaType"));
    }

    @Test
    void theSameContentTwiceIsStoredOnceAndLimitsAre413() throws Exception {
        byte[] pdf = pdf(1_900_000, 3);
        String a = raw(contributor, pdf, "application/pdf", "a.pdf", "title=A&kind=EVIDENCE")
                .path("id");
        String b = raw(contributor, pdf, "application/pdf", "b.pdf", "title=B&kind=EVIDENCE")
                .path("id");
        assertFalse(a.equals(b));
        try (Connection c = Db.connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT (SELECT count(*) FROM document_content WHERE region_code = ?),"
                                + " (SELECT count(*) FROM document_chunk WHERE content_key = ?)")) {
            s.setString(1, region);
            s.setString(2, region + "/" + sha256(pdf));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(1, r.getInt(1), "one content row for the region");
                assertEquals(2, r.getInt(2), "1.9 MB in two 1 MiB chunks, stored once");
            }
        }
        // Over the file limit (2 MiB in the test profile).
        ExtractableResponse<Response> big =
                raw(contributor, pdf(2 * 1024 * 1024 + 1, 4), "application/pdf", "big.pdf", "title=Big&kind=OTHER");
        assertEquals(413, big.statusCode());
        assertEquals("urn:smartcity:problem:payload-too-large", big.path("type"));
        // The region's quota (5 MiB in the test profile): 1.9 MB used, two more distinct fit, a third not.
        assertEquals(
                201,
                raw(contributor, pdf(1_900_000, 5), "application/pdf", "c.pdf", "title=C&kind=OTHER")
                        .statusCode());
        ExtractableResponse<Response> over =
                raw(contributor, pdf(1_900_000, 6), "application/pdf", "d.pdf", "title=D&kind=OTHER");
        assertEquals(413, over.statusCode(), over.asString());
        assertThat(over.path("detail"), containsString("quota"));
        // The same content again still fits: it takes no new space.
        assertEquals(
                201,
                raw(contributor, pdf, "application/pdf", "e.pdf", "title=E&kind=OTHER")
                        .statusCode());
    }

    @Test
    void aByteChangedInStorageIsReportedByVerify() throws Exception {
        byte[] pdf = pdf(3_000, 8);
        String id = raw(contributor, pdf, "application/pdf", "x.pdf", "title=X&kind=EVIDENCE")
                .path("id");
        try (Connection c = Db.connect();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE document_chunk SET data = overlay(data placing '\\x00'::bytea from 2000 for 1)"
                                + " WHERE content_key = ?")) {
            s.setString(1, region + "/" + sha256(pdf));
            assertEquals(1, s.executeUpdate());
        }
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR, region))
                .get(documents() + "/" + id + "/verify")
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("auditedSha256", equalTo(sha256(pdf)))
                .body("storedSha256", not(equalTo(sha256(pdf))))
                .body("detail", containsString("do not hash"));
    }

    @Test
    void rightsFollowRolesRegionsAndPersonalData() throws Exception {
        byte[] sheet = pdf(2_000, 9);
        assertEquals(
                403,
                raw(viewer, sheet, "application/pdf", "s.pdf", "title=S&kind=ATTENDANCE_SHEET")
                        .statusCode());
        ExtractableResponse<Response> created = raw(
                contributor,
                sheet,
                "application/pdf",
                "daftar hadir.pdf",
                "title=Daftar%20hadir&kind=ATTENDANCE_SHEET");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(Boolean.TRUE, created.path("personalData"));
        String id = created.path("id");
        // Viewers and auditors see the record, not the content.
        given().auth().oauth2(viewer).get(documents() + "/" + id).then().statusCode(200);
        given().auth()
                .oauth2(viewer)
                .get(documents() + "/" + id + "/content")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:smartcity:problem:forbidden"));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR, region))
                .get(documents() + "/" + id + "/content")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(contributor)
                .get(documents() + "/" + id + "/content")
                .then()
                .statusCode(200);
        // Another region's caller: 404, as if it did not exist.
        String other = TestData.createRegion("Kabupaten Lain");
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, other))
                .get(documents() + "/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.of(Roles.COORDINATOR, other))
                .get("/api/v1/regions/" + other + "/documents/" + id)
                .then()
                .statusCode(404);
        // An owner of another region is a 422 naming ownerId.
        ExtractableResponse<Response> foreign = raw(
                contributor,
                sheet,
                "application/pdf",
                "s.pdf",
                "title=S&kind=MINUTES&ownerType=QUICK_WIN&ownerId=" + UUID.randomUUID());
        assertEquals(422, foreign.statusCode());
        assertEquals("ownerId", foreign.path("errors[0].field"));
    }

    @Test
    void archivedKeepsTheContentAndAnAdminRemovesItWithAReason() throws Exception {
        byte[] pdf = pdf(4_000, 10);
        String id = raw(contributor, pdf, "application/pdf", "r.pdf", "title=R&kind=REGULATION")
                .path("id");
        String coordinator = Tokens.of(Roles.COORDINATOR, region);
        given().auth()
                .oauth2(coordinator)
                .contentType("application/json")
                .body("{\"reason\":\"Diganti versi bertanda tangan\"}")
                .post(documents() + "/" + id + "/archive")
                .then()
                .statusCode(200)
                .body("status", equalTo("ARCHIVED"))
                .body("statusReason", equalTo("Diganti versi bertanda tangan"));
        given().auth()
                .oauth2(viewer)
                .get(documents() + "/" + id + "/content")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(coordinator)
                .queryParam("reason", "salah unggah")
                .delete(documents() + "/" + id)
                .then()
                .statusCode(403);
        String admin = Tokens.of(Roles.ADMIN, region);
        given().auth()
                .oauth2(admin)
                .delete(documents() + "/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth()
                .oauth2(admin)
                .queryParam("reason", "Memuat data yang salah")
                .delete(documents() + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("REMOVED"))
                .body("statusReason", equalTo("Memuat data yang salah"))
                .body("contentHref", nullValue())
                .body("sha256", equalTo(sha256(pdf)));
        given().auth()
                .oauth2(viewer)
                .get(documents() + "/" + id + "/content")
                .then()
                .statusCode(410)
                .body("type", equalTo("urn:smartcity:problem:gone"));
        given().auth()
                .oauth2(Tokens.of(Roles.AUDITOR, region))
                .get("/api/v1/audit-events?entityType=DOCUMENT&entityId=" + id + "&action=DELETE")
                .then()
                .statusCode(200)
                .body("items[0].after.reason", equalTo("Memuat data yang salah"))
                .body("items[0].after.contentDeleted", equalTo(true));
        try (Connection c = Db.connect();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM document_chunk WHERE content_key = ?")) {
            s.setString(1, region + "/" + sha256(pdf));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(0, r.getInt(1));
            }
        }
    }

    @Test
    void aRetriedUploadWithTheSameKeyIsAnsweredOnce() {
        byte[] pdf = pdf(10_000, 11);
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = upload(key, pdf);
        ExtractableResponse<Response> again = upload(key, pdf);
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(201, again.statusCode());
        assertEquals((String) first.path("id"), again.path("id"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        ExtractableResponse<Response> other = upload(key, pdf(10_000, 12));
        assertEquals(422, other.statusCode());
        given().auth().oauth2(viewer).get(documents()).then().body("total", equalTo(1));
    }

    private ExtractableResponse<Response> upload(String key, byte[] pdf) {
        return given().auth()
                .oauth2(contributor)
                .header("Idempotency-Key", key)
                .contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"ulang.pdf\"")
                .body(pdf)
                .post(documents() + "?title=Ulang&kind=REPORT")
                .then()
                .extract();
    }
}
