package dateline.demo;

import java.util.List;
import java.util.regex.Pattern;

/** The demo's tag vocabulary; a headline carries each tag whose names it mentions. */
record DemoTags(String slug, String name, Pattern mentions) {
    static final List<DemoTags> ALL = List.of(
            tag("russia", "Russia", "Russia|Russian|Moscow|Kremlin|Putin"),
            tag("azerbaijan", "Azerbaijan", "Azerbaijan|Azerbaijani|Baku|Aliyev"),
            tag("tass", "TASS", "TASS"),
            tag("kremlin", "Kremlin", "Kremlin|Putin"),
            tag("armenia", "Armenia", "Armenia|Pashinyan"),
            tag("ukraine", "Ukraine", "Ukraine|Kyiv|Zelensky"),
            tag("united-states", "United States", "Trump|U\\.S\\.|White House"),
            tag("nato", "NATO", "NATO"),
            tag("european-union", "European Union", "EU"),
            tag("syria", "Syria", "Syria"));

    /** The lead article's tags, as an editor would file it. */
    static final List<String> LEAD = List.of("russia", "azerbaijan", "tass", "kremlin");

    static List<String> in(String title) {
        return ALL.stream().filter(t -> t.mentions.matcher(title).find()).map(DemoTags::slug).toList();
    }

    private static DemoTags tag(String slug, String name, String words) {
        return new DemoTags(slug, name, Pattern.compile("\\b(" + words + ")(?![\\p{L}])"));
    }
}
