package org.ws2.recommendations.recommendation;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.SharedOwner;

/** The bodies of the catalogue-editing requests, with the limits every field is held to. */
final class RecommendationRequests {

    static final String ID_PATTERN = "^[1-8](\\.[0-9]{1,3}){1,3}$";
    static final String QUARTER_PATTERN = "^20[0-9]{2}-Q[1-4]$";
    static final String TAG_PATTERN = "^[\\p{L}\\p{N}][\\p{L}\\p{N} ._/&-]{0,49}$";

    /** What a create and an update both give: every editable field of a recommendation. */
    interface Fields {
        String title();

        String summary();

        Ownership ownership();

        List<SharedOwner> sharedWith();

        List<String> implementers();

        String targetQuarter();

        List<String> tags();

        default RecommendationDetails details() {
            return new RecommendationDetails(title().strip(), summary(), ownership(), sharedWith(), implementers(),
                    targetQuarter(), tags());
        }
    }

    /**
     * @param topic optional; when given, the topic prefix or name that the id's prefix must name
     */
    record Create(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be a WS2 id such as 5.1 or 6.4.2") String id,
            @Size(max = 100) String topic,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 10_000) String summary,
            @NotNull Ownership ownership,
            @Size(max = 2) List<@NotNull SharedOwner> sharedWith,
            @Size(max = 30) List<@NotBlank @Size(max = 200) String> implementers,
            @Pattern(regexp = QUARTER_PATTERN, message = "must be a quarter such as 2021-Q3") String targetQuarter,
            @Size(max = 20) List<@NotNull @Pattern(regexp = TAG_PATTERN) String> tags,
            @Size(max = 2000) String source,
            @Size(max = 4000) String note) implements Fields {
    }

    /** Replaces every editable field; what is left out is cleared. */
    record Update(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 10_000) String summary,
            @NotNull Ownership ownership,
            @Size(max = 2) List<@NotNull SharedOwner> sharedWith,
            @Size(max = 30) List<@NotBlank @Size(max = 200) String> implementers,
            @Pattern(regexp = QUARTER_PATTERN, message = "must be a quarter such as 2021-Q3") String targetQuarter,
            @Size(max = 20) List<@NotNull @Pattern(regexp = TAG_PATTERN) String> tags,
            @Size(max = 4000) String note) implements Fields {
    }

    record Retire(@NotBlank @Size(max = 4000) String reason) {
    }

    private RecommendationRequests() {
    }
}
