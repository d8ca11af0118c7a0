package gov.exports.portal.policy;

import org.jboss.resteasy.reactive.RestForm;

/** What a senior officer typed into the product form, kept as text so it can be shown back with errors. */
public class ProductForm {
    @RestForm public String maker;
    @RestForm public String model;
    @RestForm public String architecture;
    @RestForm public String eccn;
    @RestForm public String tpp;
    @RestForm public String dramBandwidthGbps;
    @RestForm public String notes;
    @RestForm public String active;
    @RestForm public String version;

    public static ProductForm of(Product p) {
        ProductForm f = new ProductForm();
        f.maker = p.maker;
        f.model = p.model;
        f.architecture = p.architecture;
        f.eccn = p.eccn;
        f.tpp = String.valueOf(p.tpp);
        f.dramBandwidthGbps = String.valueOf(p.dramBandwidthGbps);
        f.notes = p.notes;
        f.active = p.active ? "true" : null;
        f.version = String.valueOf(p.version);
        return f;
    }

    public static ProductForm blank() {
        ProductForm f = new ProductForm();
        f.active = "true";
        f.version = "0";
        return f;
    }

    public boolean isActiveChecked() {
        return "true".equals(active);
    }
}
