package gov.exports.portal.screening;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;


import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of one listed party. Changing a listed party retires this row and adds a new one. */
@Entity
@Table(name = "screening_entry")
public class ListEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "entry_key")
    public String entryKey;

    public String origin;
    public String source;

    @Column(name = "entity_type")
    public String entityType;

    public String name;
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "alt_names", columnDefinition = "jsonb")
    public String altNamesJson;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "addresses", columnDefinition = "jsonb")
    public String addressesJson;

    public String programs;

    @Column(name = "federal_register_notice")
    public String federalRegisterNotice;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "license_requirement")
    public String licenseRequirement;

    @Column(name = "license_policy")
    public String licensePolicy;

    public String remarks;

    @Column(name = "source_list_url")
    public String sourceListUrl;

    @Column(name = "content_hash", columnDefinition = "bpchar")
    public String contentHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "added_in")
    public ListVersion addedIn;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "retired_in")
    public ListVersion retiredIn;

    @Column(name = "retired_reason")
    public String retiredReason;

    public String retireUrl() {
        return "/screening/entries/" + id + "/retire";
    }

    public String originLabel() {
        return "MANUAL".equals(origin) ? "added by hand" : "imported";
    }

    public boolean isInForce() {
        return retiredIn == null;
    }

    public List<String> altNames() {
        return JsonLists.read(altNamesJson, JsonLists.STRINGS);
    }

    public List<ListEntryData.Address> addresses() {
        return JsonLists.read(addressesJson, JsonLists.ADDRESSES);
    }

    public String addressesText() {
        return String.join("; ", addresses().stream().map(ListEntryData.Address::display).toList());
    }
}
