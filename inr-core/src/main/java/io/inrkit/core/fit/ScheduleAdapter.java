package io.inrkit.core.fit;

import org.nd4j.linalg.schedule.ISchedule;

/** An INRKit {@link Schedule} as DL4J's {@link ISchedule}; a bean for DL4J's JSON configurations. */
class ScheduleAdapter implements ISchedule {

    private static final long serialVersionUID = 1L;

    private double base;
    private int limit;
    private Schedule schedule;

    /** For DL4J's JSON deserialisation. */
    public ScheduleAdapter() {
        this(1e-3, 1, Schedule.CONSTANT);
    }

    public ScheduleAdapter(double base, int limit, Schedule schedule) {
        this.base = base;
        this.limit = limit;
        this.schedule = schedule;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return schedule.rate(base, iteration, limit);
    }

    @Override
    public ISchedule clone() {
        return new ScheduleAdapter(base, limit, schedule);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduleAdapter s && s.base == base && s.limit == limit && s.schedule == schedule;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(base, limit, schedule);
    }

    public double getBase() {
        return base;
    }

    public void setBase(double base) {
        this.base = base;
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public Schedule getSchedule() {
        return schedule;
    }

    public void setSchedule(Schedule schedule) {
        this.schedule = schedule;
    }
}
