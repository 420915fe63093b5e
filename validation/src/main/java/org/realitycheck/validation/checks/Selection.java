package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.List;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Observable;

/** Picks a check's observables by name from the domain's list. */
final class Selection {
    private Selection() {
    }

    /**
     * @param names observable names, or empty for all of the domain's
     * @return the named observables in the domain's order
     * @throws IllegalArgumentException naming an unknown observable and the known ones
     */
    static List<Observable> observables(Domain domain, List<String> names) {
        List<Observable> all = domain.reference().observables();
        if (names.isEmpty()) {
            return all;
        }
        List<String> known = all.stream().map(Observable::name).toList();
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("observables: unknown observable '" + n + "' of domain "
                        + domain.name() + "; known: " + known);
            }
        }
        List<Observable> out = new ArrayList<>();
        for (Observable o : all) {
            if (names.contains(o.name())) {
                out.add(o);
            }
        }
        return out;
    }
}
