package io.feedgram.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The injected faults in force. A fault applies to one IG user or to all, a given number of
 * times or until cleared; each time it fires it uses up one of its times.
 */
@SandboxBean
public final class SandboxFaults {

    /** One injected fault; {@code remaining} is null for "until cleared". */
    public record ActiveFault(String fault, String igUserId, Integer remaining) {
    }

    private final List<ActiveFault> active = new ArrayList<>();

    /** Adds a fault; false when the name is not one of {@link Fault}'s. */
    public synchronized boolean inject(String name, String igUserId, Integer times) {
        if (Fault.byWireName(name).isEmpty() || times != null && times < 1) {
            return false;
        }
        active.add(new ActiveFault(name, igUserId, times));
        return true;
    }

    public synchronized List<ActiveFault> list() {
        return List.copyOf(active);
    }

    public synchronized void clear() {
        active.clear();
    }

    /** Whether {@code fault} fires for this call by {@code igUserId}; firing uses up one time. */
    synchronized boolean fires(Fault fault, String igUserId) {
        for (Iterator<ActiveFault> it = active.iterator(); it.hasNext(); ) {
            ActiveFault candidate = it.next();
            if (!candidate.fault().equals(fault.wireName())
                    || candidate.igUserId() != null && !candidate.igUserId().equals(igUserId)) {
                continue;
            }
            if (candidate.remaining() != null) {
                int index = active.indexOf(candidate);
                if (candidate.remaining() == 1) {
                    active.remove(index);
                } else {
                    active.set(index, new ActiveFault(candidate.fault(), candidate.igUserId(), candidate.remaining() - 1));
                }
            }
            return true;
        }
        return false;
    }
}
