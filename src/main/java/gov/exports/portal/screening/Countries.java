package gov.exports.portal.screening;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Country names as lists and vendors write them → ISO 3166 alpha-2 codes, so "China", "CN" and "中国" compare equal. */
public final class Countries {

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale l = new Locale("", code);
            CODES.put(key(l.getDisplayCountry(Locale.ENGLISH)), code);
            CODES.put(key(code), code);
        }
        String[][] aliases = {
                { "people's republic of china", "CN" }, { "prc", "CN" }, { "mainland china", "CN" }, { "中国", "CN" },
                { "中华人民共和国", "CN" }, { "hong kong", "HK" }, { "hong kong sar", "HK" }, { "香港", "HK" },
                { "macau", "MO" }, { "macao", "MO" }, { "澳门", "MO" }, { "taiwan", "TW" }, { "台湾", "TW" },
                { "russia", "RU" }, { "russian federation", "RU" }, { "iran", "IR" }, { "turkey", "TR" },
                { "türkiye", "TR" }, { "turkiye", "TR" }, { "south korea", "KR" }, { "korea, south", "KR" },
                { "republic of korea", "KR" }, { "north korea", "KP" }, { "korea, north", "KP" }, { "dprk", "KP" },
                { "united states", "US" }, { "united states of america", "US" }, { "usa", "US" }, { "uk", "GB" },
                { "united kingdom", "GB" }, { "great britain", "GB" }, { "vietnam", "VN" }, { "syria", "SY" },
                { "uae", "AE" }, { "united arab emirates", "AE" }, { "burma", "MM" }, { "czech republic", "CZ" },
                { "laos", "LA" }, { "moldova", "MD" }, { "venezuela", "VE" }, { "bolivia", "BO" }, { "tanzania", "TZ" } };
        for (String[] a : aliases) {
            CODES.put(key(a[0]), a[1]);
        }
    }

    private Countries() {
    }

    /** The ISO code for a country name or code, or null when unknown or blank. */
    public static String code(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return null;
        }
        return CODES.get(key(nameOrCode));
    }

    /** English name for an ISO code ("CN" → "China"), or the input when unknown. */
    public static String name(String code) {
        if (code == null || code.length() != 2) {
            return code;
        }
        String n = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return n.isBlank() ? code : n;
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
