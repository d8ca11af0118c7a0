package gov.exports.portal.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.Forms;
import gov.exports.portal.web.PortalConflictException;

/** Maintains the product catalogue: validated, audited, optimistically locked. */
@ApplicationScoped
public class ProductService {

    @Inject
    AuditLog audit;

    @Transactional
    public Product create(ProductForm form) {
        Product p = new Product();
        apply(form, p, null);
        p.persist();
        p.flush();
        audit.record("product.created", "product", p.id, null, state(p));
        return p;
    }

    @Transactional
    public Product update(long id, ProductForm form) {
        Product p = Product.<Product> findByIdOptional(id).orElseThrow(NotFoundException::new);
        if (Forms.version(form.version) != p.version) {
            throw new PortalConflictException("Someone else changed " + p.getName()
                    + " while you were editing it. Reload the product to see their change, then make yours again.");
        }
        Object before = state(p);
        apply(form, p, p.id);
        p.flush();
        audit.record("product.updated", "product", p.id, before, state(p));
        return p;
    }

    void apply(ProductForm form, Product p, Long selfId) {
        FormErrors errors = new FormErrors();
        String maker = Forms.required(errors, "maker", form.maker, "the maker", 2, 100);
        String model = Forms.required(errors, "model", form.model, "the model", 1, 100);
        String architecture = Forms.required(errors, "architecture", form.architecture, "the architecture or family", 2, 60);
        String eccn = Forms.required(errors, "eccn", form.eccn, "the export control classification number", 1, 20);
        if (eccn != null && !errors.has("eccn") && !eccn.matches("^[0-9][A-E][0-9]{3}(\\.[a-z0-9]+)*$")) {
            errors.add("eccn", "Enter the ECCN in the form 3A090.a");
        }
        Integer tpp = Forms.integer(errors, "tpp", form.tpp, "the total processing performance (TPP)", 0, 10_000_000, true);
        Integer bw = Forms.integer(errors, "dramBandwidthGbps", form.dramBandwidthGbps, "the DRAM bandwidth in GB/s", 0, 1_000_000, true);
        String notes = Forms.optional(errors, "notes", form.notes, "notes", 2000);
        if (maker != null && model != null && !errors.has("maker") && !errors.has("model")) {
            long dup = selfId == null
                    ? Product.count("lower(maker) = lower(?1) and lower(model) = lower(?2)", maker, model)
                    : Product.count("lower(maker) = lower(?1) and lower(model) = lower(?2) and id <> ?3", maker, model, selfId);
            if (dup > 0) {
                errors.add("model", maker + " " + model + " is already in the catalogue");
            }
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        p.maker = maker;
        p.model = model;
        p.architecture = architecture;
        p.eccn = eccn;
        p.tpp = tpp;
        p.dramBandwidthGbps = bw;
        p.notes = notes;
        p.active = form.isActiveChecked();
    }

    static Object state(Product p) {
        return AuditLog.state("maker", p.maker, "model", p.model, "architecture", p.architecture, "eccn", p.eccn,
                "tpp", p.tpp, "dramBandwidthGbps", p.dramBandwidthGbps, "notes", p.notes, "active", p.active);
    }
}
