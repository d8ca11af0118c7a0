package gov.exports.portal.application;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

/** The wizard's forms, kept as the text the vendor typed so a page with errors shows their input back. */
public final class DraftForms {

    private DraftForms() {
    }

    public static class LineForm {
        @RestForm public String productId;
        @RestForm public String quantity;
        @RestForm public String unitPrice;
        @RestForm public String version;

        public boolean selected(Long id) {
            return productId != null && productId.equals(String.valueOf(id));
        }
    }

    public static class PartyForm {
        /** An approved customer's id, or empty for a party not in the register. */
        @RestForm public String customerId;
        /** End user only: "yes" when it is the ultimate consignee. */
        @RestForm public String sameAsConsignee;
        @RestForm public String name;
        @RestForm public String nameChinese;
        @RestForm public String address;
        @RestForm public String city;
        @RestForm public String country;
        @RestForm public String partyFunction;
        @RestForm public String version;

        public static PartyForm of(ApplicationParty p, int version) {
            PartyForm f = new PartyForm();
            if (p != null) {
                f.customerId = p.approvedCustomer == null ? "" : String.valueOf(p.approvedCustomer.id);
                f.name = p.name;
                f.nameChinese = p.nameChinese;
                f.address = p.address;
                f.city = p.city;
                f.country = p.country;
                f.partyFunction = p.partyFunction;
            }
            f.version = String.valueOf(version);
            return f;
        }

        public boolean isSame() {
            return "yes".equals(sameAsConsignee);
        }

        public boolean selected(Long id) {
            return customerId != null && customerId.equals(String.valueOf(id));
        }
    }

    public static class EndUseForm {
        @RestForm public String endUseStatement;
        @RestForm public String shippingRoute;
        @RestForm public String shipmentFrom;
        @RestForm public String shipmentTo;
        @RestForm public String version;

        public static EndUseForm of(Application a) {
            EndUseForm f = new EndUseForm();
            f.endUseStatement = a.endUseStatement;
            f.shippingRoute = a.shippingRoute;
            f.shipmentFrom = a.shipmentFrom == null ? null : a.shipmentFrom.toString();
            f.shipmentTo = a.shipmentTo == null ? null : a.shipmentTo.toString();
            f.version = String.valueOf(a.version);
            return f;
        }
    }

    public static class CertificationForm {
        @RestForm public List<String> certification;
        @RestForm public String shipmentRatioPercent;
        @RestForm public String version;

        public boolean given(String code) {
            return certification != null && certification.contains(code);
        }
    }
}
