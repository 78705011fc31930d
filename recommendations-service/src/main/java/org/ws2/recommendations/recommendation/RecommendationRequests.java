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

    /** A WS2 id (its number), or another programme's: its code, a hyphen and its number ({@code ATRT3-1.1}). */
    static final String ID_PATTERN = "^([1-8]|[A-Z][A-Z0-9]{1,15}-[1-9][0-9]{0,2})(\\.[0-9]{1,3}){1,3}$";
    /** WS2's numbers start with one of its eight topics' prefixes. */
    static final String WS2_NUMBER_PATTERN = "^[1-8](\\.[0-9]{1,3}){1,3}$";
    /** Another programme's numbers: a topic number, then one to three more segments ({@code 1.1}, {@code 10.2.3}). */
    static final String NUMBER_PATTERN = "^[1-9][0-9]{0,2}(\\.[0-9]{1,3}){1,3}$";
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
     * @param programme optional, WS2 when absent (or the code {@code id} starts with)
     * @param id        a WS2 recommendation's id (its number, e.g. 5.13), or another programme's
     *                  ({@code ATRT3-1.1}); may be left out when {@code number} is given
     * @param number    the recommendation's number in its programme ({@code 1.1}); the id is made from it
     * @param topic     optional for a topic that exists: its prefix or name, which must be the id's; in
     *                  another programme, the name of the topic to add when its programme has none of that
     *                  number yet
     */
    record Create(
            String programme, // checked by CatalogueEditing (422 naming the field), as is number
            @Pattern(regexp = ID_PATTERN, message = "must be a WS2 id such as 5.1 or 6.4.2, or another programme's such as ATRT3-1.1") String id,
            String number,
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
