import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-class mutation scores from a PIT mutations.xml, and every surviving mutant with its line and mutator.
 * Exits 1 when a class is below the threshold (default 95 %).
 *
 * <pre>java scripts/MutationScores.java ekool-core/target/pit-reports/mutations.xml [threshold]</pre>
 */
public class MutationScores {

    private static final Pattern MUTATION = Pattern.compile("<mutation [^>]*status='([A-Z_]+)'[^>]*>(.*?)</mutation>", Pattern.DOTALL);

    public static void main(String[] args) throws Exception {
        String xml = Files.readString(Path.of(args[0]));
        double threshold = args.length > 1 ? Double.parseDouble(args[1]) : 95;
        Map<String, int[]> counts = new TreeMap<>();
        StringBuilder survivors = new StringBuilder();
        Matcher m = MUTATION.matcher(xml);
        while (m.find()) {
            String status = m.group(1);
            String body = m.group(2);
            String cls = tag(body, "mutatedClass");
            int[] c = counts.computeIfAbsent(cls, k -> new int[2]);
            c[0]++;
            if (status.equals("KILLED") || status.equals("TIMED_OUT") || status.equals("MEMORY_ERROR")) {
                c[1]++;
            } else {
                survivors.append(String.format("  %-9s %s.%s line %s: %s (%s)%n", status, simple(cls),
                        tag(body, "mutatedMethod"), tag(body, "lineNumber"),
                        tag(body, "description"), simple(tag(body, "mutator"))));
            }
        }
        boolean ok = true;
        int total = 0;
        int killed = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            double score = 100.0 * c[1] / c[0];
            ok &= score >= threshold;
            total += c[0];
            killed += c[1];
            System.out.printf("%-55s %4d/%-4d %5.1f %%%s%n", e.getKey(), c[1], c[0], score, score < threshold ? "  BELOW" : "");
        }
        System.out.printf("%-55s %4d/%-4d %5.1f %%%n", "all", killed, total, total == 0 ? 0 : 100.0 * killed / total);
        if (survivors.length() > 0) {
            System.out.print("survivors:\n" + survivors);
        }
        System.exit(ok ? 0 : 1);
    }

    private static String tag(String body, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(body);
        return m.find() ? m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&") : "?";
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
