package gov.exports.portal.congress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A bill or resolution of Congress. Imports own the congressional data; curation (tracked, tags, plain-language
 * summary) belongs to the tracker editors and is never touched by an import.
 */
@Entity
@Table(name = "bill")
public class Bill extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public int congress;

    /** lowercase: hr, s, hjres … */
    @Column(name = "bill_type", nullable = false)
    public String billType;

    @Column(nullable = false)
    public int number;

    @Column(name = "title_display", nullable = false)
    public String titleDisplay;

    @Column(name = "title_official")
    public String titleOfficial;

    @Column(name = "title_short")
    public String titleShort;

    @Column(name = "introduced_date")
    public LocalDate introducedDate;

    @Column(name = "origin_chamber")
    public String originChamber;

    @Column(name = "policy_area")
    public String policyArea;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "sponsor_bioguide_id")
    public Member sponsor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BillStatus status = BillStatus.INTRODUCED;

    @Column(name = "status_date")
    public LocalDate statusDate;

    @Column(name = "latest_action_date")
    public LocalDate latestActionDate;

    @Column(name = "latest_action_text")
    public String latestActionText;

    @Column(name = "legislation_url")
    public String legislationUrl;

    @Column(name = "source_updated_at")
    public OffsetDateTime sourceUpdatedAt;

    @Column(nullable = false)
    public boolean tracked;

    @Column(name = "plain_summary")
    public String plainSummary;

    /** The licence policy version this bill would change, if an editor linked one. */
    @jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY)
    @jakarta.persistence.JoinColumn(name = "policy_version_id")
    public gov.exports.portal.policy.PolicyVersion policyVersion;

    @Column(name = "search_text", nullable = false)
    public String searchText = "";

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt = OffsetDateTime.now();

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;

    @ElementCollection
    @CollectionTable(name = "bill_subject", joinColumns = @JoinColumn(name = "bill_id"))
    @Column(name = "subject")
    public Set<String> subjects = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "bill_title", joinColumns = @JoinColumn(name = "bill_id"))
    @OrderColumn(name = "position")
    public List<Title> titles = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "bill_committee", joinColumns = @JoinColumn(name = "bill_id"))
    @OrderColumn(name = "position")
    public List<CommitteeReferral> committees = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "bill_related", joinColumns = @JoinColumn(name = "bill_id"))
    @OrderColumn(name = "position")
    public List<Related> relatedBills = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "bill_text_version", joinColumns = @JoinColumn(name = "bill_id"))
    @OrderColumn(name = "position")
    public List<TextVersion> textVersions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "bill_summary", joinColumns = @JoinColumn(name = "bill_id"))
    @OrderColumn(name = "position")
    public List<Summary> summaries = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "bill_law", joinColumns = @JoinColumn(name = "bill_id"))
    public Set<Law> laws = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "bill_tag", joinColumns = @JoinColumn(name = "bill_id"))
    public Set<Tag> tags = new LinkedHashSet<>();

    // ---- embeddables ----

    @Embeddable
    public static class Title {
        @Column(name = "title_type", nullable = false)
        public String titleType;
        @Column(nullable = false)
        public String title;

        public Title() {
        }

        public Title(String titleType, String title) {
            this.titleType = titleType;
            this.title = title;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Title t && Objects.equals(titleType, t.titleType) && Objects.equals(title, t.title);
        }

        @Override
        public int hashCode() {
            return Objects.hash(titleType, title);
        }
    }

    @Embeddable
    public static class CommitteeReferral {
        @Column(name = "system_code", nullable = false)
        public String systemCode;
        @Column(nullable = false)
        public String name;
        public String chamber;
        /** "Referred to 4 Dec 2025; Reported by …" as the sources list them, oldest first. */
        @Column(nullable = false)
        public String activities = "";

        public CommitteeReferral() {
        }

        public CommitteeReferral(String systemCode, String name, String chamber, String activities) {
            this.systemCode = systemCode;
            this.name = name;
            this.chamber = chamber;
            this.activities = activities;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CommitteeReferral c && Objects.equals(systemCode, c.systemCode) && Objects.equals(name, c.name)
                    && Objects.equals(chamber, c.chamber) && Objects.equals(activities, c.activities);
        }

        @Override
        public int hashCode() {
            return Objects.hash(systemCode, name, chamber, activities);
        }
    }

    @Embeddable
    public static class Related {
        @Column(nullable = false)
        public int congress;
        @Column(name = "bill_type", nullable = false)
        public String billType;
        @Column(nullable = false)
        public int number;
        public String title;
        public String relationship;
        @Column(name = "latest_action_date")
        public LocalDate latestActionDate;
        @Column(name = "latest_action_text")
        public String latestActionText;

        public String label() {
            return BillNumbers.label(billType, number);
        }

        public String path() {
            return BillNumbers.path(congress, billType, number);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Related r && congress == r.congress && number == r.number && Objects.equals(billType, r.billType)
                    && Objects.equals(title, r.title) && Objects.equals(relationship, r.relationship)
                    && Objects.equals(latestActionDate, r.latestActionDate) && Objects.equals(latestActionText, r.latestActionText);
        }

        @Override
        public int hashCode() {
            return Objects.hash(congress, billType, number);
        }
    }

    @Embeddable
    public static class TextVersion {
        @Column(name = "version_type", nullable = false)
        public String versionType;
        @Column(name = "version_date")
        public LocalDate versionDate;
        @Column(nullable = false)
        public String url;
        public String format;

        @Override
        public boolean equals(Object o) {
            return o instanceof TextVersion t && Objects.equals(versionType, t.versionType) && Objects.equals(versionDate, t.versionDate)
                    && Objects.equals(url, t.url) && Objects.equals(format, t.format);
        }

        @Override
        public int hashCode() {
            return Objects.hash(url);
        }
    }

    @Embeddable
    public static class Summary {
        @Column(name = "version_code")
        public String versionCode;
        @Column(name = "action_date")
        public LocalDate actionDate;
        @Column(name = "action_desc")
        public String actionDesc;
        /** Plain text: the sources' HTML is reduced to paragraphs separated by blank lines. */
        @Column(nullable = false)
        public String text;

        public List<String> paragraphs() {
            return List.of(text.split("\\n\\s*\\n"));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Summary s && Objects.equals(versionCode, s.versionCode) && Objects.equals(actionDate, s.actionDate)
                    && Objects.equals(actionDesc, s.actionDesc) && Objects.equals(text, s.text);
        }

        @Override
        public int hashCode() {
            return Objects.hash(versionCode, actionDate);
        }
    }

    @Embeddable
    public static class Law {
        @Column(name = "law_type", nullable = false)
        public String lawType;
        @Column(name = "law_number", nullable = false)
        public String lawNumber;

        public Law() {
        }

        public Law(String lawType, String lawNumber) {
            this.lawType = lawType;
            this.lawNumber = lawNumber;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Law l && Objects.equals(lawType, l.lawType) && Objects.equals(lawNumber, l.lawNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lawType, lawNumber);
        }
    }

    public enum TagKind {
        TOPIC, COUNTRY
    }

    @Embeddable
    public static class Tag {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public TagKind kind;
        @Column(nullable = false)
        public String label;

        public Tag() {
        }

        public Tag(TagKind kind, String label) {
            this.kind = kind;
            this.label = label;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tag t && kind == t.kind && Objects.equals(label, t.label);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, label);
        }
    }

    // ---- derived views ----

    /** "S. 3374" */
    public String label() {
        return BillNumbers.label(billType, number);
    }

    /** "/bills/119/s/3374" */
    public String path() {
        return BillNumbers.path(congress, billType, number);
    }

    /** The editors' page: "/tracker/bills/119/s/3374" */
    public String policyLinkPath() {
        return trackerPath() + "/policy";
    }

    public String trackerPath() {
        return "/tracker" + path();
    }

    public String trackingPath() {
        return trackerPath() + "/tracking";
    }

    public String refreshPath() {
        return trackerPath() + "/refresh";
    }

    /** "119th Congress" */
    public String congressLabel() {
        return BillNumbers.ordinal(congress) + " Congress";
    }

    public List<String> topics() {
        return tags.stream().filter(t -> t.kind == TagKind.TOPIC).map(t -> t.label).sorted().toList();
    }

    public List<String> countries() {
        return tags.stream().filter(t -> t.kind == TagKind.COUNTRY).map(t -> t.label).sorted().toList();
    }

    public static Optional<Bill> find(int congress, String type, int number) {
        return find("congress = ?1 and billType = ?2 and number = ?3", congress, type.toLowerCase(Locale.ROOT), number)
                .firstResultOptional();
    }
}
