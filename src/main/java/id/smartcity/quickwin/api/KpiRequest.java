package id.smartcity.quickwin.api;

import id.smartcity.quickwin.KpiDirection;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a KPI. */
@Schema(name = "KpiRequest")
public record KpiRequest(
        @NotBlank @Size(max = 200) @Schema(maxLength = 200, examples = "Pengaduan diselesaikan dalam 5 hari")
        String name,

        @NotBlank @Size(max = 50) @Schema(maxLength = 50, examples = "%")
        String unit,

        @NotNull @Digits(integer = 14, fraction = 4) BigDecimal baseline,
        @NotNull @Digits(integer = 14, fraction = 4) BigDecimal target,
        @Digits(integer = 14, fraction = 4) BigDecimal actual,
        @NotNull KpiDirection direction) {}
