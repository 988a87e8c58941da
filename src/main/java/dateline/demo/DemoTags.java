package dateline.demo;

import java.util.List;
import java.util.regex.Pattern;

/** The demo's tag vocabulary; a headline carries each tag whose names it mentions. */
/** {@code russianName}: the name delivery shows on the demo's Russian translation. */
record DemoTags(String slug, String name, String russianName, Pattern mentions) {
    static final List<DemoTags> ALL = List.of(
            tag("russia", "Russia", "Россия", "Russia|Russian|Moscow|Kremlin|Putin"),
            tag("azerbaijan", "Azerbaijan", "Азербайджан", "Azerbaijan|Azerbaijani|Baku|Aliyev"),
            tag("tass", "TASS", "ТАСС", "TASS"),
            tag("kremlin", "Kremlin", "Кремль", "Kremlin|Putin"),
            tag("armenia", "Armenia", "Армения", "Armenia|Pashinyan"),
            tag("ukraine", "Ukraine", "Украина", "Ukraine|Kyiv|Zelensky"),
            tag("united-states", "United States", "США", "Trump|U\\.S\\.|White House"),
            tag("nato", "NATO", "НАТО", "NATO"),
            tag("european-union", "European Union", "Европейский союз", "EU"),
            tag("syria", "Syria", "Сирия", "Syria"));

    /** The lead article's tags, as an editor would file it. */
    static final List<String> LEAD = List.of("russia", "azerbaijan", "tass", "kremlin");

    static List<String> in(String title) {
        return ALL.stream().filter(t -> t.mentions.matcher(title).find()).map(DemoTags::slug).toList();
    }

    private static DemoTags tag(String slug, String name, String russianName, String words) {
        return new DemoTags(slug, name, russianName, Pattern.compile("\\b(" + words + ")(?![\\p{L}])"));
    }
}
