package gov.exports.portal.congress;

import java.util.ArrayList;
import java.util.List;

/** What one import changed, bill by bill; becomes the {@link BillImport} record. */
public class ImportOutcome {

    public Long importId;
    public BillImport.Format format;
    public int billsCreated;
    public int billsUpdated;
    public int billsUnchanged;
    public int actionsAdded;
    public int cosponsorsAdded;
    public int cosponsorsWithdrawn;
    public int membersSaved;
    public int committeesSaved;
    public final List<String> lines = new ArrayList<>();

    public String summary() {
        StringBuilder s = new StringBuilder();
        if (format == BillImport.Format.LEGISLATORS_YAML || format == BillImport.Format.COMMITTEES_YAML
                || format == BillImport.Format.COMMITTEE_MEMBERSHIP_YAML) {
            s.append(membersSaved).append(" members, ").append(committeesSaved).append(" committees or seats saved");
        } else {
            s.append(billsCreated).append(" bills created, ").append(billsUpdated).append(" updated, ").append(billsUnchanged)
                    .append(" unchanged; ").append(actionsAdded).append(" new actions, ").append(cosponsorsAdded)
                    .append(" new cosponsors, ").append(cosponsorsWithdrawn).append(" withdrawals");
        }
        return s.toString();
    }
}
