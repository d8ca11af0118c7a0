package gov.exports.portal.application;

import gov.exports.portal.web.PdfFiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.exports.portal.account.CurrentUser;
import gov.exports.portal.account.Organisation;
import gov.exports.portal.application.DraftForms.CertificationForm;
import gov.exports.portal.application.DraftForms.EndUseForm;
import gov.exports.portal.application.DraftForms.LineForm;
import gov.exports.portal.application.DraftForms.PartyForm;
import gov.exports.portal.application.TaskList.Section;
import gov.exports.portal.audit.AuditLog;
import gov.exports.portal.customer.ApprovedCustomer;
import gov.exports.portal.policy.Certification;
import gov.exports.portal.policy.PolicyCheck;
import gov.exports.portal.policy.PolicyService;
import gov.exports.portal.policy.PolicyVersion;
import gov.exports.portal.policy.Product;
import gov.exports.portal.web.FormErrors;
import gov.exports.portal.web.FormValidationException;
import gov.exports.portal.web.Forms;
import gov.exports.portal.web.PortalConflictException;
import io.quarkus.security.ForbiddenException;

/**
 * The rules of a licence application: drafts editable only by their organisation and only while DRAFT, every
 * change checked against the version the editor saw, submission validated, pre-checked against the policy in
 * force, frozen and numbered exactly once. One transaction per user action; the audit record is its last write.
 */
@ApplicationScoped
public class ApplicationService {


    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @Inject
    PolicyService policies;

    @Inject
    PolicyCheck policyCheck;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Event<ApplicationSubmitted> submittedEvent;

    @Inject
    DocumentsConfig documentsConfig;

    public record SubmitResult(Application application, boolean alreadySubmitted) {
    }

    // ---- access ---------------------------------------------------------------------------------------------

    Organisation requireOrganisation() {
        Organisation org = currentUser.organisation();
        if (org == null) {
            throw new ForbiddenException("Not a member of a vendor organisation");
        }
        return org;
    }

    /** The application if it belongs to the caller's organisation; 404 otherwise, revealing nothing. */
    public Application own(long id) {
        Organisation org = currentUser.organisation();
        if (org == null) {
            throw new NotFoundException();
        }
        return Application.<Application> find("id = ?1 and organisation.id = ?2", id, org.id).firstResultOptional()
                .orElseThrow(NotFoundException::new);
    }

    /** For officials: any application that has been submitted (drafts stay private to the vendor). */
    public Application submittedForOfficial(long id) {
        return Application.<Application> find("id = ?1 and status <> ?2", id, ApplicationStatus.DRAFT).firstResultOptional()
                .orElseThrow(NotFoundException::new);
    }

    Application draftForEdit(long id, String formVersion) {
        Application app = own(id);
        if (!app.isDraft()) {
            throw new PortalConflictException("Application " + app.reference + " has been submitted and can no longer be changed. "
                    + "What was submitted is kept exactly as it was.");
        }
        if (Forms.version(formVersion) != app.version) {
            throw new PortalConflictException("Another member of your organisation saved changes to this draft while you were "
                    + "working on it, so your change was not saved. Open the draft again to see their changes, then make yours.");
        }
        return app;
    }

    // ---- drafts ---------------------------------------------------------------------------------------------

    @Transactional
    public Application create() {
        Application app = new Application();
        app.organisation = requireOrganisation();
        app.createdBy = currentUser.username();
        app.persist();
        app.flush();
        event(app, "CREATED", "Draft started by " + currentUser.displayName() + ".", false);
        audit.record("application.created", "application", app.id, null,
                AuditLog.state("organisation", app.organisation.slug, "status", app.status.name()));
        return app;
    }

    /** A new draft with the products, parties, end use and route of an earlier application; certifications and documents are given afresh. */
    @Transactional
    public Application copy(long sourceId) {
        Application source = own(sourceId);
        Application app = new Application();
        app.organisation = source.organisation;
        app.createdBy = currentUser.username();
        app.copiedFromId = source.id;
        app.endUseStatement = source.endUseStatement;
        app.shippingRoute = source.shippingRoute;
        app.intermediariesDone = source.intermediariesDone;
        app.persist();
        app.flush();
        int skipped = 0;
        for (ApplicationLine l : ApplicationLine.of(source)) {
            if (!l.product.active) {
                skipped++;
                continue;
            }
            ApplicationLine c = new ApplicationLine();
            c.application = app;
            c.product = l.product;
            c.quantity = l.quantity;
            c.unitPriceUsd = l.unitPriceUsd;
            c.persist();
        }
        for (ApplicationParty p : ApplicationParty.of(source)) {
            ApplicationParty c = p.copyDetails();
            c.application = app;
            c.role = p.role;
            c.persist();
        }
        em.flush();
        event(app, "CREATED", "Draft copied from " + source.getTitle() + " by " + currentUser.displayName()
                + (skipped > 0 ? "; " + skipped + " line(s) left out because the product was withdrawn" : "") + ".", false);
        audit.record("application.copied", "application", app.id, null,
                AuditLog.state("copiedFrom", source.id, "organisation", app.organisation.slug, "status", app.status.name()));
        return app;
    }

    @Transactional
    public void delete(long id, String version) {
        Application app = draftForEdit(id, version);
        Object before = AuditLog.state("organisation", app.organisation.slug, "status", app.status.name(),
                "lines", ApplicationLine.count("application", app), "documents", ApplicationDocument.count("application", app));
        Application.update("copiedFromId = null where copiedFromId = ?1", app.id);
        app.delete();
        em.flush();
        audit.record("application.deleted", "application", id, before, null);
    }

    @Transactional
    public void addLine(long id, LineForm form) {
        Application app = draftForEdit(id, form.version);
        FormErrors errors = new FormErrors();
        Long productId = Forms.id(form.productId);
        Product product = productId == null ? null : Product.<Product> findByIdOptional(productId).filter(p -> p.active).orElse(null);
        if (product == null) {
            errors.add("productId", "Choose a product");
        }
        Integer quantity = Forms.integer(errors, "quantity", form.quantity, "the quantity", 1, 10_000_000, true);
        BigDecimal price = Forms.usd(errors, "unitPrice", form.unitPrice, "the unit price", true);
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        ApplicationLine line = new ApplicationLine();
        line.application = app;
        line.product = product;
        line.quantity = quantity;
        line.unitPriceUsd = price;
        line.persist();
        changed(app, "application.line.added", null, AuditLog.state("line", line.id,
                "product", product.getName(), "quantity", quantity, "unitPriceUsd", price));
    }

    @Transactional
    public void removeLine(long id, long lineId, String version) {
        Application app = draftForEdit(id, version);
        ApplicationLine line = ApplicationLine.<ApplicationLine> find("id = ?1 and application = ?2", lineId, app)
                .firstResultOptional().orElseThrow(NotFoundException::new);
        Object before = AuditLog.state("line", line.id, "product", line.product.getName(), "quantity", line.quantity,
                "unitPriceUsd", line.unitPriceUsd);
        line.delete();
        changed(app, "application.line.removed", before, null);
    }

    /** Saves the ultimate consignee or the end user: from the register, or a party entered by hand. */
    @Transactional
    public void saveParty(long id, PartyRole role, PartyForm form) {
        Application app = draftForEdit(id, form.version);
        ApplicationParty party;
        if (role == PartyRole.END_USER && form.isSame()) {
            ApplicationParty consignee = ApplicationParty.find(app, PartyRole.ULTIMATE_CONSIGNEE);
            if (consignee == null) {
                throw new FormValidationException(new FormErrors().add("sameAsConsignee",
                        "Name the ultimate consignee first, or enter the end user's details"));
            }
            party = consignee.copyDetails();
        } else {
            party = validParty(form, false);
        }
        ApplicationParty existing = ApplicationParty.find(app, role);
        Object before = existing == null ? null : partyState(existing);
        if (existing != null) {
            existing.delete();
            em.flush();
        }
        party.application = app;
        party.role = role;
        party.persist();
        changed(app, "application.party.saved", before, partyState(party));
    }

    @Transactional
    public void addIntermediary(long id, PartyForm form) {
        Application app = draftForEdit(id, form.version);
        ApplicationParty party = validParty(form, true);
        party.application = app;
        party.role = PartyRole.INTERMEDIATE_CONSIGNEE;
        party.persist();
        app.intermediariesDone = false;
        changed(app, "application.party.saved", null, partyState(party));
    }

    @Transactional
    public void removeIntermediary(long id, long partyId, String version) {
        Application app = draftForEdit(id, version);
        ApplicationParty party = ApplicationParty.<ApplicationParty> find("id = ?1 and application = ?2 and role = ?3", partyId, app,
                PartyRole.INTERMEDIATE_CONSIGNEE).firstResultOptional().orElseThrow(NotFoundException::new);
        Object before = partyState(party);
        party.delete();
        changed(app, "application.party.removed", before, null);
    }

    @Transactional
    public void confirmIntermediaries(long id, String version) {
        Application app = draftForEdit(id, version);
        boolean wasDone = app.intermediariesDone; // true again on a copied draft or a repeated confirmation
        app.intermediariesDone = true;
        changed(app, "application.intermediaries.confirmed", AuditLog.state("intermediariesDone", wasDone),
                AuditLog.state("intermediariesDone", true, "count", ApplicationParty.count("application = ?1 and role = ?2", app,
                        PartyRole.INTERMEDIATE_CONSIGNEE)));
    }

    ApplicationParty validParty(PartyForm form, boolean intermediary) {
        FormErrors errors = new FormErrors();
        Long customerId = intermediary ? null : Forms.id(form.customerId);
        if (customerId != null) {
            ApprovedCustomer c = ApprovedCustomer.<ApprovedCustomer> findByIdOptional(customerId)
                    .filter(x -> x.isSelectableOn(LocalDate.now(ZoneOffset.UTC))).orElse(null);
            if (c == null) {
                throw new FormValidationException(errors.add("customerId",
                        "Choose an approved customer from the list, or enter the details of a party not in the register"));
            }
            return ApplicationParty.fromRegister(c);
        }
        ApplicationParty p = new ApplicationParty();
        p.name = Forms.required(errors, "name", form.name, "the name in Latin script", 2, 200);
        p.nameChinese = Forms.optional(errors, "nameChinese", form.nameChinese, "the name in Chinese characters", 100);
        p.address = Forms.required(errors, "address", form.address, "the address", 5, 500);
        p.city = Forms.required(errors, "city", form.city, "the city", 2, 100);
        String country = Forms.text(form.country);
        country = country == null ? null : country.toUpperCase(java.util.Locale.ROOT);
        if (country == null || !country.matches("[A-Z]{2}")) {
            errors.add("country", "Enter the country as a two-letter code, like CN for China or MO for Macau");
        }
        p.country = country;
        if (intermediary) {
            p.partyFunction = Forms.required(errors, "partyFunction", form.partyFunction, "what the intermediary does", 2, 200);
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        return p;
    }

    /** Saves what is filled in; missing answers are allowed in a draft and only refused at submission. */
    @Transactional
    public void saveEndUse(long id, EndUseForm form) {
        Application app = draftForEdit(id, form.version);
        FormErrors errors = new FormErrors();
        String statement = Forms.optional(errors, "endUseStatement", form.endUseStatement, "the end-use statement", 5000);
        String route = Forms.optional(errors, "shippingRoute", form.shippingRoute, "the shipping route", 1000);
        LocalDate from = Forms.date(errors, "shipmentFrom", form.shipmentFrom, "the first shipment date", false);
        LocalDate to = Forms.date(errors, "shipmentTo", form.shipmentTo, "the last shipment date", false);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("shipmentTo", "The last shipment date must be on or after the first shipment date");
        }
        if (from != null && from.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            errors.add("shipmentFrom", "The first shipment date must be today or later");
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        Object before = endUseState(app);
        app.endUseStatement = statement;
        app.shippingRoute = route;
        app.shipmentFrom = from;
        app.shipmentTo = to;
        changed(app, "application.end-use.saved", before, endUseState(app));
    }

    @Transactional
    public void saveCertifications(long id, CertificationForm form) {
        Application app = draftForEdit(id, form.version);
        FormErrors errors = new FormErrors();
        BigDecimal ratio = null;
        String raw = Forms.text(form.shipmentRatioPercent);
        if (raw != null) {
            try {
                BigDecimal percent = new BigDecimal(raw.replace("%", "").strip());
                if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.stripTrailingZeros().scale() > 2) {
                    errors.add("shipmentRatioPercent", "Enter a percentage between 0 and 100, with at most two decimals");
                } else {
                    ratio = percent.movePointLeft(2).setScale(4);
                }
            } catch (NumberFormatException e) {
                errors.add("shipmentRatioPercent", "Enter the ratio as a percentage, like 40");
            }
        }
        Set<String> known = java.util.Arrays.stream(Certification.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> given = form.certification == null ? List.of()
                : form.certification.stream().filter(known::contains).distinct().toList();
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        List<String> before = certificationCodes(app);
        ApplicationCertification.delete("applicationId = ?1 and code not in ?2", app.id, given.isEmpty() ? List.of("-") : given);
        for (String code : given) {
            if (!before.contains(code)) {
                ApplicationCertification c = new ApplicationCertification();
                c.applicationId = app.id;
                c.code = code;
                c.certifiedBy = currentUser.displayName();
                c.persist();
            }
        }
        BigDecimal ratioBefore = app.declaredShipmentRatio;
        app.declaredShipmentRatio = ratio;
        changed(app, "application.certifications.saved",
                AuditLog.state("certifications", before, "declaredShipmentRatio", ratioBefore),
                AuditLog.state("certifications", given, "declaredShipmentRatio", ratio));
    }

    @Transactional
    public ApplicationDocument addDocument(long id, String version, String originalName, byte[] content) {
        Application app = draftForEdit(id, version);
        FormErrors errors = new FormErrors();
        if (content == null || content.length == 0) {
            errors.add("file", "Choose a PDF file to upload");
        } else if (content.length > maxDocumentBytes()) {
            errors.add("file", "The file must be " + maxDocumentBytes() / (1024 * 1024) + " MB or smaller");
        } else if (!PdfFiles.isPdf(content)) {
            errors.add("file", "The file must be a PDF. This file is not a PDF, whatever its name says");
        }
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        ApplicationDocument d = new ApplicationDocument();
        d.application = app;
        d.fileName = PdfFiles.sanitiseFileName(originalName);
        d.sizeBytes = content.length;
        d.sha256 = PdfFiles.sha256(content);
        d.content = content;
        d.uploadedBy = currentUser.displayName();
        d.persist();
        changed(app, "application.document.added", null,
                AuditLog.state("document", d.id, "fileName", d.fileName, "sizeBytes", d.sizeBytes, "sha256", d.sha256));
        return d;
    }

    @Transactional
    public void removeDocument(long id, long documentId, String version) {
        Application app = draftForEdit(id, version);
        ApplicationDocument d = ApplicationDocument.<ApplicationDocument> find("id = ?1 and application = ?2", documentId, app)
                .firstResultOptional().orElseThrow(NotFoundException::new);
        Object before = AuditLog.state("document", d.id, "fileName", d.fileName, "sha256", d.sha256);
        d.delete();
        changed(app, "application.document.removed", before, null);
    }


    public long maxDocumentBytes() {
        return documentsConfig.maxSize().asLongValue();
    }

    // ---- submission -----------------------------------------------------------------------------------------

    /**
     * Submits once. The row is locked (SELECT ... FOR UPDATE) so a double click, a resent form or a second tab
     * waits for the first submission and then finds the application already submitted.
     */
    @Transactional
    public SubmitResult submit(long id, String version) {
        Organisation org = currentUser.organisation();
        Application app = org == null ? null : Application.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (app == null || !app.organisation.id.equals(org.id)) {
            throw new NotFoundException();
        }
        if (!app.isDraft()) {
            return new SubmitResult(app, true);
        }
        if (Forms.version(version) != app.version) {
            throw new PortalConflictException("Another member of your organisation changed this draft after you opened the "
                    + "check-your-answers page, so it was not submitted. Check the answers again, then submit.");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PolicyVersion policy = policies.inForceOn(today).orElseThrow(() -> new PortalConflictException(
                "No licence policy is in force today, so applications cannot be submitted. Your draft is saved."));
        List<ApplicationLine> lines = ApplicationLine.of(app);
        List<ApplicationParty> parties = ApplicationParty.of(app);
        PolicyCheck.Result check = policyCheck.evaluate(policy, checkInput(app, lines, parties), today);
        FormErrors errors = submissionErrors(app, policy, lines, parties, check);
        if (errors.isAny()) {
            throw new FormValidationException(errors);
        }
        freeze(app, policy, lines, parties, check, currentUser.displayName());
        submittedEvent.fire(new ApplicationSubmitted(app.id));
        audit.record("application.submitted", "application", app.id, AuditLog.state("status", "DRAFT"),
                AuditLog.state("status", app.status.name(), "reference", app.reference, "policy", policy.code,
                        "precheckAllMet", check.isAllMet()));
        return new SubmitResult(app, false);
    }

    /** Numbers the application, freezes what is submitted with its pre-check, and records the event. */
    void freeze(Application app, PolicyVersion policy, List<ApplicationLine> lines, List<ApplicationParty> parties,
            PolicyCheck.Result check, String actor) {
        long number = ((Number) em.createNativeQuery("SELECT nextval('application_reference_seq')").getSingleResult()).longValue();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        app.reference = String.format("ELA-%d-%06d", now.getYear(), number);
        app.status = ApplicationStatus.SUBMITTED;
        app.submittedAt = now;
        app.submittedBy = actor;
        app.policyCode = policy.code;
        app.snapshot = toJson(snapshot(app, policy, lines, parties));
        app.precheck = toJson(check);
        app.touch();
        em.flush();
        event(app, "SUBMITTED", "Submitted by " + actor + " as " + app.reference + ". Policy pre-check against " + policy.code + ": "
                + (check.isAllMet() ? "all items met." : check.getNotMetCount() + " item(s) for the officer to assess."), false, actor);
    }

    /**
     * Demo data only: submits a complete draft on behalf of the system at start-up (no signed-in user). Not announced to
     * screening, whose own demo data runs later and can screen what exists.
     */
    Application submitForDemo(Application app) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PolicyVersion policy = policies.inForceOn(today).orElseThrow();
        List<ApplicationLine> lines = ApplicationLine.of(app);
        List<ApplicationParty> parties = ApplicationParty.of(app);
        PolicyCheck.Result check = policyCheck.evaluate(policy, checkInput(app, lines, parties), today);
        FormErrors errors = submissionErrors(app, policy, lines, parties, check);
        if (errors.isAny()) {
            throw new IllegalStateException("Demo application is incomplete: " + errors.getList());
        }
        freeze(app, policy, lines, parties, check, "Demo data");
        audit.recordSystem("application.submitted", "application", app.id, AuditLog.state("status", "DRAFT"),
                AuditLog.state("status", app.status.name(), "reference", app.reference, "policy", policy.code, "source", "demo-data"));
        return app;
    }

    FormErrors submissionErrors(Application app, PolicyVersion policy, List<ApplicationLine> lines, List<ApplicationParty> parties,
            PolicyCheck.Result check) {
        FormErrors errors = new FormErrors();
        if (lines.isEmpty()) {
            errors.add("section-products", "Add at least one product line");
        }
        for (PolicyCheck.Item item : check.items()) {
            if (item.outcome() == PolicyCheck.Outcome.EXCLUDED) {
                errors.add(item.subject().replace(':', '-'), item.reason());
            }
        }
        if (parties.stream().noneMatch(p -> p.role == PartyRole.ULTIMATE_CONSIGNEE)) {
            errors.add("section-parties", "Name the ultimate consignee");
        }
        if (parties.stream().noneMatch(p -> p.role == PartyRole.END_USER)) {
            errors.add("section-end-user", "Name the end user");
        }
        if (!app.intermediariesDone) {
            errors.add("section-intermediaries", "Confirm the intermediate consignees, or that there are none");
        }
        if (app.endUseStatement == null) {
            errors.add("section-end-use", "Describe the end use");
        }
        if (app.shippingRoute == null) {
            errors.add("section-route", "Describe the shipping route");
        }
        if (app.shipmentFrom == null || app.shipmentTo == null) {
            errors.add("section-window", "Give the planned shipment window");
        } else if (app.shipmentFrom.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            errors.add("section-window", "The planned shipment window starts in the past: change the first shipment date");
        }
        List<String> given = certificationCodes(app);
        List<String> missing = policy.requiredCertifications.stream().filter(c -> !given.contains(c)).toList();
        if (!missing.isEmpty()) {
            errors.add("section-certifications", "Give all " + policy.requiredCertifications.size()
                    + " certifications the licence policy requires (" + missing.size() + " missing)");
        }
        if (policy.maxChinaToUsShipmentRatio != null && app.declaredShipmentRatio == null) {
            errors.add("section-ratio", "Declare the ratio of China shipments to US shipments");
        }
        if (ApplicationDocument.count("application", app) == 0) {
            errors.add("section-documents", "Upload at least one supporting document (PDF)");
        }
        return errors;
    }

    @Transactional
    public Application withdraw(long id, String version, String reason) {
        Application app = own(id);
        if (!app.status.isWithdrawable()) {
            throw new PortalConflictException(app.isDraft()
                    ? "A draft cannot be withdrawn; delete it instead."
                    : "Application " + app.reference + " cannot be withdrawn: it is " + app.status.name().toLowerCase().replace('_', ' ') + ".");
        }
        if (Forms.version(version) != app.version) {
            throw new PortalConflictException("This application changed while you were looking at it. Open it again before withdrawing.");
        }
        String why = Forms.text(reason);
        if (why != null && why.length() > 2000) {
            throw new FormValidationException(new FormErrors().add("reason", "The reason must be 2000 characters or fewer"));
        }
        ApplicationStatus before = app.status;
        app.status = ApplicationStatus.WITHDRAWN;
        app.touch();
        em.flush();
        event(app, "WITHDRAWN", "Withdrawn by " + currentUser.displayName() + (why == null ? "." : ": " + why), false);
        audit.record("application.withdrawn", "application", app.id, AuditLog.state("status", before.name()),
                AuditLog.state("status", app.status.name(), "reason", why));
        return app;
    }

    /** An official's message to the vendor, shown on the application page. */
    @Transactional
    public void postOfficialMessage(long id, String text) {
        Application app = submittedForOfficial(id);
        String message = Forms.text(text);
        if (message == null || message.length() > 5000) {
            throw new FormValidationException(new FormErrors().add("message", message == null
                    ? "Enter the message to the exporter" : "The message must be 5000 characters or fewer"));
        }
        ApplicationEvent e = event(app, "MESSAGE", message, true);
        audit.record("application.message.sent", "application", app.id, null, AuditLog.state("event", e.id, "message", message));
    }

    // ---- reading --------------------------------------------------------------------------------------------

    public TaskList progress(Application app) {
        List<ApplicationLine> lines = ApplicationLine.of(app);
        List<ApplicationParty> parties = ApplicationParty.of(app);
        boolean consignee = parties.stream().anyMatch(p -> p.role == PartyRole.ULTIMATE_CONSIGNEE);
        boolean endUser = parties.stream().anyMatch(p -> p.role == PartyRole.END_USER);
        boolean intermediaries = parties.stream().anyMatch(p -> p.role == PartyRole.INTERMEDIATE_CONSIGNEE);
        int endUseAnswers = (app.endUseStatement != null ? 1 : 0) + (app.shippingRoute != null ? 1 : 0)
                + (app.shipmentFrom != null ? 1 : 0) + (app.shipmentTo != null ? 1 : 0);
        List<String> certs = certificationCodes(app);
        PolicyVersion policy = policies.inForceToday().orElse(null);
        boolean certsComplete = policy != null && certs.containsAll(policy.requiredCertifications)
                && (policy.maxChinaToUsShipmentRatio == null || app.declaredShipmentRatio != null);
        long docs = ApplicationDocument.count("application", app);
        String base = "/applications/" + app.id;
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("products", "Products, quantities and prices", base + "/products",
                TaskList.of(!lines.isEmpty(), !lines.isEmpty())));
        sections.add(new Section("parties", "Ultimate consignee and end user", base + "/parties/consignee",
                TaskList.of(consignee || endUser, consignee && endUser)));
        sections.add(new Section("intermediaries", "Intermediate consignees", base + "/intermediaries",
                TaskList.of(intermediaries || app.intermediariesDone, app.intermediariesDone)));
        sections.add(new Section("end-use", "End use, shipping route and shipment window", base + "/end-use",
                TaskList.of(endUseAnswers > 0, endUseAnswers == 4)));
        sections.add(new Section("certifications", "Certifications", base + "/certifications",
                TaskList.of(!certs.isEmpty() || app.declaredShipmentRatio != null, certsComplete)));
        sections.add(new Section("documents", "Supporting documents", base + "/documents", TaskList.of(docs > 0, docs > 0)));
        return new TaskList(sections);
    }

    /** The pre-check of a draft as it stands, against the policy in force today (null when none is). */
    public PolicyCheck.Result livePrecheck(Application app) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return policies.inForceOn(today)
                .map(p -> policyCheck.evaluate(p, checkInput(app, ApplicationLine.of(app), ApplicationParty.of(app)), today))
                .orElse(null);
    }

    /** The application as it stands, checked against any policy version (e.g. a draft, or today's policy). */
    public PolicyCheck.Result checkAgainst(Application app, PolicyVersion policy, LocalDate on) {
        return policyCheck.evaluate(policy, checkInput(app, ApplicationLine.of(app), ApplicationParty.of(app)), on);
    }

    /**
     * The policy-check inputs of many applications at once, in three queries whatever their number (lines with their
     * products, parties with their approved customers, certifications), for pages that check every open application
     * or active licence against a policy version. Check each with {@link #check}.
     */
    public java.util.Map<Long, PolicyCheck.Input> checkInputs(java.util.Collection<Application> apps) {
        java.util.Map<Long, PolicyCheck.Input> inputs = new java.util.HashMap<>();
        if (apps.isEmpty()) {
            return inputs;
        }
        List<Long> ids = apps.stream().map(a -> a.id).toList();
        java.util.Map<Long, List<ApplicationLine>> lines = em.createQuery(
                "select l from ApplicationLine l join fetch l.product where l.application.id in :ids order by l.id", ApplicationLine.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.groupingBy(l -> l.application.id, java.util.LinkedHashMap::new, Collectors.toList()));
        java.util.Map<Long, List<ApplicationParty>> parties = em.createQuery(
                "select p from ApplicationParty p left join fetch p.approvedCustomer where p.application.id in :ids order by p.role, p.id",
                ApplicationParty.class).setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.groupingBy(p -> p.application.id, java.util.LinkedHashMap::new, Collectors.toList()));
        java.util.Map<Long, Set<String>> certifications = ApplicationCertification.<ApplicationCertification> list("applicationId in ?1", ids)
                .stream().collect(Collectors.groupingBy(c -> c.applicationId, Collectors.mapping(c -> c.code, Collectors.toSet())));
        for (Application app : apps) {
            inputs.put(app.id, checkInput(app, lines.getOrDefault(app.id, List.of()), parties.getOrDefault(app.id, List.of()),
                    certifications.getOrDefault(app.id, Set.of())));
        }
        return inputs;
    }

    public PolicyCheck.Result check(PolicyCheck.Input input, PolicyVersion policy, LocalDate on) {
        return policyCheck.evaluate(policy, input, on);
    }

    public ApplicationSnapshot snapshotOf(Application app) {
        return app.snapshot == null ? null : fromJson(app.snapshot, ApplicationSnapshot.class);
    }

    public PolicyCheck.Result precheckOf(Application app) {
        return app.precheck == null ? null : fromJson(app.precheck, PolicyCheck.Result.class);
    }

    public List<String> certificationCodes(Application app) {
        return ApplicationCertification.<ApplicationCertification> list("applicationId", app.id).stream().map(c -> c.code).toList();
    }

    PolicyCheck.Input checkInput(Application app, List<ApplicationLine> lines, List<ApplicationParty> parties) {
        return checkInput(app, lines, parties, Set.copyOf(certificationCodes(app)));
    }

    private PolicyCheck.Input checkInput(Application app, List<ApplicationLine> lines, List<ApplicationParty> parties,
            Set<String> certifications) {
        List<PolicyCheck.Line> l = lines.stream().map(x -> new PolicyCheck.Line(x.id, x.product.maker, x.product.model,
                x.product.architecture, x.product.tpp, x.product.dramBandwidthGbps,
                x.unitPriceUsd.multiply(BigDecimal.valueOf(x.quantity)))).toList();
        List<PolicyCheck.Party> p = parties.stream().map(x -> new PolicyCheck.Party(x.role.name(), x.name, x.country,
                x.approvedCustomer == null ? null : x.approvedCustomer.id,
                x.approvedCustomer == null ? null : x.approvedCustomer.status.name(),
                x.approvedCustomer == null ? null : x.approvedCustomer.expiresOn)).toList();
        return new PolicyCheck.Input(l, p, certifications, app.declaredShipmentRatio);
    }

    ApplicationSnapshot snapshot(Application app, PolicyVersion policy, List<ApplicationLine> lines, List<ApplicationParty> parties) {
        List<ApplicationSnapshot.Line> l = lines.stream().map(x -> new ApplicationSnapshot.Line(x.id, x.product.id, x.product.maker,
                x.product.model, x.product.architecture, x.product.eccn, x.product.tpp, x.product.dramBandwidthGbps, x.quantity,
                x.unitPriceUsd, x.unitPriceUsd.multiply(BigDecimal.valueOf(x.quantity)))).toList();
        List<ApplicationSnapshot.Party> p = parties.stream().map(x -> new ApplicationSnapshot.Party(x.role.name(), x.role.title,
                x.name, x.nameChinese, x.address, x.city, x.country, x.partyFunction,
                x.approvedCustomer == null ? null : x.approvedCustomer.id,
                x.approvedCustomer == null ? null : x.approvedCustomer.uscc,
                x.approvedCustomer == null ? null : x.approvedCustomer.status.name())).toList();
        List<ApplicationSnapshot.Cert> c = ApplicationCertification.<ApplicationCertification> list("applicationId = ?1 order by code", app.id)
                .stream().map(x -> {
                    Certification cert = Certification.fromCode(x.code).orElse(null);
                    return new ApplicationSnapshot.Cert(x.code, cert == null ? x.code : cert.title, cert == null ? "" : cert.statement,
                            x.certifiedBy);
                }).toList();
        List<ApplicationSnapshot.Doc> d = ApplicationDocument.of(app).stream()
                .map(x -> new ApplicationSnapshot.Doc(x.id, x.fileName, x.sizeBytes, x.sha256)).toList();
        return new ApplicationSnapshot(app.reference, app.organisation.legalName, policy.code, policy.title, policy.revenueShareRate,
                app.submittedAt, app.submittedBy, l, ApplicationLine.totalOf(lines), p, app.endUseStatement, app.shippingRoute,
                app.shipmentFrom, app.shipmentTo, c, app.declaredShipmentRatio, d);
    }

    /** Ends a draft edit: bumps the draft's version (so concurrent editors are detected) and audits, as the last write. */
    void changed(Application app, String action, Object before, Object after) {
        app.touch();
        em.flush();
        audit.record(action, "application", app.id, before, after);
    }

    ApplicationEvent event(Application app, String kind, String message, boolean official) {
        return event(app, kind, message, official, currentUser.displayName());
    }

    ApplicationEvent event(Application app, String kind, String message, boolean official, String actor) {
        ApplicationEvent e = new ApplicationEvent();
        e.applicationId = app.id;
        e.kind = kind;
        e.actorName = actor;
        e.official = official;
        e.message = message;
        e.persist();
        em.flush();
        return e;
    }

    static Object partyState(ApplicationParty p) {
        return AuditLog.state("role", p.role.name(), "name", p.name, "nameChinese", p.nameChinese, "address", p.address,
                "city", p.city, "country", p.country, "function", p.partyFunction,
                "approvedCustomer", p.approvedCustomer == null ? null : p.approvedCustomer.id);
    }

    static Object endUseState(Application a) {
        return AuditLog.state("endUseStatement", a.endUseStatement, "shippingRoute", a.shippingRoute,
                "shipmentFrom", a.shipmentFrom, "shipmentTo", a.shipmentTo);
    }

    String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T fromJson(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not readable as " + type.getSimpleName(), e);
        }
    }
}
