package gov.exports.portal.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Our normalisation of party names, shared by the list importer (stored keys) and the matcher (queries):
 * width folding (NFKC), case, accents and punctuation folded; abbreviations expanded; every word classed
 * as distinctive, generic (Technology, Information …), place (Beijing, 杭州 …), legal form (Co., Ltd.,
 * 有限公司 …) or filler (of, the) so that the matcher can weigh them.
 */
public final class NameKeys {

    public enum Kind {
        /** distinctive words: Huawei, Hikvision, 华为 */
        CORE(1.0),
        /** sector words many companies share */
        GENERIC(0.3),
        /** cities, provinces, "China" */
        PLACE(0.45),
        /** legal forms: weighed down, never enough to match on */
        LEGAL(0.08);

        public final double weight;

        Kind(double weight) {
            this.weight = weight;
        }
    }

    /** A word of a name: folded text, its class, and the word as written (for explanations). */
    public record Token(String text, Kind kind, boolean cjk, String written) {
        public double weight() {
            return kind.weight;
        }
    }

    static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("tech", "technology"), Map.entry("techn", "technology"), Map.entry("technologies", "technology"),
            Map.entry("intl", "international"), Map.entry("int", "international"), Map.entry("natl", "national"),
            Map.entry("univ", "university"), Map.entry("uni", "university"), Map.entry("inst", "institute"),
            Map.entry("elec", "electronic"), Map.entry("electronics", "electronic"), Map.entry("elecs", "electronic"),
            Map.entry("mfg", "manufacturing"), Map.entry("manufacture", "manufacturing"), Map.entry("dev", "development"),
            Map.entry("devel", "development"), Map.entry("info", "information"), Map.entry("sci", "science"),
            Map.entry("sciences", "science"), Map.entry("eng", "engineering"), Map.entry("engg", "engineering"),
            Map.entry("ind", "industry"), Map.entry("indus", "industry"), Map.entry("industries", "industry"),
            Map.entry("industrial", "industry"), Map.entry("co", "company"), Map.entry("cos", "company"),
            Map.entry("corp", "corporation"), Map.entry("ltd", "limited"), Map.entry("ltda", "limited"),
            Map.entry("inc", "incorporated"), Map.entry("grp", "group"), Map.entry("hldg", "holding"),
            Map.entry("hldgs", "holding"), Map.entry("holdings", "holding"), Map.entry("svc", "service"),
            Map.entry("svcs", "service"), Map.entry("services", "service"), Map.entry("sys", "system"),
            Map.entry("systems", "system"), Map.entry("comm", "communication"), Map.entry("communications", "communication"),
            Map.entry("telecom", "telecommunication"), Map.entry("telecommunications", "telecommunication"),
            Map.entry("networks", "network"), Map.entry("solutions", "solution"), Map.entry("products", "product"),
            Map.entry("materials", "material"), Map.entry("microelectronic", "microelectronics"),
            Map.entry("ctr", "center"), Map.entry("centre", "center"), Map.entry("res", "research"),
            Map.entry("acad", "academy"), Map.entry("semicon", "semiconductor"), Map.entry("semiconductors", "semiconductor"),
            Map.entry("equip", "equipment"), Map.entry("intelligence", "intelligent"), Map.entry("mgmt", "management"),
            Map.entry("assn", "association"), Map.entry("dept", "department"), Map.entry("sz", "shenzhen"));

    static final Set<String> LEGAL = Set.of("company", "limited", "corporation", "incorporated", "group", "holding",
            "llc", "plc", "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "kk", "pte", "pvt", "jsc", "ojsc",
            "pjsc", "cjsc", "oao", "zao", "ooo", "ao", "llp", "lp", "joint", "stock", "liability", "share", "shares",
            "private", "public", "sdn", "bhd", "ab", "oy", "as", "cv");

    static final Set<String> GENERIC = Set.of("technology", "information", "industry", "development", "science",
            "scientific", "intelligent", "electronic", "international", "digital", "equipment", "trading", "trade",
            "import", "export", "research", "engineering", "system", "network", "software", "communication",
            "telecommunication", "service", "solution", "product", "manufacturing", "material", "machinery", "smart",
            "innovation", "new", "global", "enterprise", "center", "institute", "design", "integrated", "circuit",
            "semiconductor", "microelectronics", "computing", "computer", "data", "cloud", "ai", "artificial",
            "logistics", "investment", "management", "industrial", "equipments", "instrument", "instruments",
            "precision", "optical", "photonics", "energy", "power", "security", "advanced", "applied", "academy",
            "laboratory", "lab", "labs", "university", "college", "school", "office", "branch", "bureau",
            "department", "association", "factory", "plant", "works", "supply", "chain", "commercial", "business");

    static final Set<String> PLACES = Set.of("china", "chinese", "prc", "beijing", "shanghai", "shenzhen", "hangzhou",
            "tianjin", "wuhan", "nanjing", "guangzhou", "zhejiang", "jiangsu", "guangdong", "hefei", "anhui", "fujian",
            "chengdu", "sichuan", "xian", "jinan", "shandong", "hubei", "hunan", "changsha", "wuxi", "suzhou", "hong",
            "kong", "hk", "macau", "macao", "national", "chongqing", "xiamen", "qingdao", "dalian", "shenyang",
            "harbin", "heilongjiang", "liaoning", "jilin", "hebei", "henan", "shaanxi", "shanxi", "yunnan", "guangxi",
            "jiangxi", "zhengzhou", "ningbo", "dongguan", "zhuhai", "foshan", "kunming", "fuzhou", "nanchang", "asia",
            "pacific", "russia", "russian", "moscow", "iran", "tehran", "usa", "america", "american", "europe");

    static final Set<String> FILLER = Set.of("of", "the", "and", "for", "de", "la", "du", "des", "der", "und", "a", "an");

    /** Chinese legal-form words, longest first. */
    static final List<String> CJK_LEGAL = List.of("股份有限公司", "有限责任公司", "集团有限公司", "集团股份有限公司",
            "有限公司", "集团公司", "责任公司", "股份公司", "集团", "公司", "有限", "股份");

    static final List<String> CJK_GENERIC = List.of("科技", "技术", "信息", "智能", "电子", "产业", "数字", "工业",
            "发展", "开发", "研究所", "研究院", "研究", "中心", "设备", "装备", "系统", "网络", "软件", "通信", "贸易",
            "国际", "创新", "微电子", "集成电路", "制造", "半导体", "计算", "大学", "学院");

    static final List<String> CJK_PLACES = List.of("中华人民共和国", "中国", "北京市", "北京", "上海市", "上海",
            "深圳市", "深圳", "杭州市", "杭州", "天津市", "天津", "武汉", "南京", "广州", "浙江省", "浙江", "江苏",
            "广东", "合肥", "安徽", "福建省", "福建", "成都", "四川", "西安", "济南", "山东", "湖北", "湖南", "长沙",
            "无锡", "苏州", "香港", "澳门", "重庆", "厦门", "青岛", "大连", "沈阳", "哈尔滨", "国家");

    private NameKeys() {
    }

    /** Case, width, accents and punctuation folded; CJK kept. "Ｈｕａｗｅｉ Tech., Ltd." → "huawei tech ltd". */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
        t = t.replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("œ", "oe").replace("ł", "l").replace("đ", "d");
        t = t.replace("&", " and ").replace("+", " plus ");
        // apostrophes join (People's → peoples); every other non-letter, non-digit separates
        t = APOSTROPHES.matcher(t).replaceAll("");
        t = SEPARATORS.matcher(t).replaceAll(" ");
        // a CJK run is a word of its own, also when written next to Latin letters
        t = HAN_RUN.matcher(t).replaceAll(" $1 ");
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’`´]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern HAN_RUN = Pattern.compile("(\\p{IsHan}+)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The words of a name, classed. */
    public static List<Token> tokens(String name) {
        List<Token> out = new ArrayList<>();
        String folded = fold(name);
        if (folded.isEmpty()) {
            return out;
        }
        for (String w : folded.split(" ")) {
            if (w.codePoints().anyMatch(NameKeys::isHan)) {
                cjkTokens(w, out);
                continue;
            }
            if (FILLER.contains(w)) {
                continue;
            }
            String text = ABBREVIATIONS.getOrDefault(w, w);
            Kind kind = LEGAL.contains(text) ? Kind.LEGAL
                    : GENERIC.contains(text) ? Kind.GENERIC
                    : PLACES.contains(text) ? Kind.PLACE : Kind.CORE;
            out.add(new Token(text, kind, false, w));
        }
        return out;
    }

    /** Peels place prefixes and legal/generic suffixes off a run of Chinese characters; the rest is distinctive. */
    private static void cjkTokens(String run, List<Token> out) {
        String rest = run;
        List<Token> tail = new ArrayList<>();
        boolean changed = true;
        while (changed && !rest.isEmpty()) {
            changed = false;
            for (String p : CJK_PLACES) {
                if (rest.startsWith(p) && rest.length() > p.length()) {
                    out.add(new Token(p, Kind.PLACE, true, p));
                    rest = rest.substring(p.length());
                    changed = true;
                    break;
                }
            }
        }
        changed = true;
        while (changed && !rest.isEmpty()) {
            changed = false;
            for (String l : CJK_LEGAL) {
                if (rest.endsWith(l)) {
                    tail.add(0, new Token(l, Kind.LEGAL, true, l));
                    rest = rest.substring(0, rest.length() - l.length());
                    changed = true;
                    break;
                }
            }
            if (changed) {
                continue;
            }
            for (String g : CJK_GENERIC) {
                if (rest.endsWith(g) && rest.length() > g.length()) {
                    tail.add(0, new Token(g, Kind.GENERIC, true, g));
                    rest = rest.substring(0, rest.length() - g.length());
                    changed = true;
                    break;
                }
            }
        }
        if (!rest.isEmpty()) {
            Kind kind = CJK_PLACES.contains(rest) ? Kind.PLACE : CJK_GENERIC.contains(rest) ? Kind.GENERIC : Kind.CORE;
            out.add(new Token(rest, kind, true, rest));
        }
        out.addAll(tail);
    }

    /**
     * The key stored for an entry name and compared by pg_trgm: every word but legal forms and fillers, in the
     * written order (pg_trgm compares word by word, so order does not matter to it). Null when nothing is left.
     */
    public static String key(String name) {
        List<Token> tokens = tokens(name);
        String k = tokens.stream().filter(t -> t.kind() != Kind.LEGAL).map(Token::text).collect(Collectors.joining(" "));
        if (k.isEmpty()) {
            // a name made only of legal words still needs a key
            k = tokens.stream().map(Token::text).collect(Collectors.joining(" "));
        }
        return k.isEmpty() ? null : k;
    }

    /** Only the distinctive words of a name (no sector, place or legal words); null when it has none. */
    public static String coreKey(String name) {
        String k = tokens(name).stream().filter(t -> t.kind() == Kind.CORE).map(Token::text).collect(Collectors.joining(" "));
        return k.isEmpty() ? null : k;
    }

    /**
     * Initials of a long Latin-script name, for parties known by their acronym (Semiconductor Manufacturing
     * International Corporation → smic, National University of Defense Technology → nudt). Null for short names.
     */
    public static List<String> acronyms(String name) {
        List<Token> latin = tokens(name).stream().filter(t -> !t.cjk()).toList();
        if (latin.size() < 3) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        StringBuilder upToFirstLegal = new StringBuilder();
        for (Token t : latin) {
            upToFirstLegal.append(t.written().charAt(0));
            if (t.kind() == Kind.LEGAL) {
                break;
            }
        }
        String withoutLegal = latin.stream().filter(t -> t.kind() != Kind.LEGAL).map(t -> String.valueOf(t.written().charAt(0)))
                .collect(Collectors.joining());
        for (String a : List.of(upToFirstLegal.toString(), withoutLegal)) {
            if (a.length() >= 3 && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    public static boolean hasHan(String s) {
        return s != null && s.codePoints().anyMatch(NameKeys::isHan);
    }
}
