using System.Text.Json.Nodes;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Activities;
using EscalationFlows.Escalations.Sla.Scheduling;
using EscalationFlows.Escalations.Sla.Subjects;

namespace EscalationFlows.Escalations.Tests.Sla.Scheduling;

public sealed class SlaThresholdTimersTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 30, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_threshold_timer_has_a_stable_id_and_names_its_threshold()
    {
        var timer = SlaThresholdTimers.Create("INC0042", SlaMetric.Resolution, 75, Due);

        Assert.Equal(("sla/INC0042/resolution/75", "sla.threshold", Due), (timer.Id, timer.Kind, timer.DueAt));
        Assert.Equal(SlaThresholdTimers.Create("INC0042", SlaMetric.Resolution, 75, Due.AddHours(1)).Id, timer.Id);
        Assert.Equal(("INC0042", SlaMetric.Resolution, 75), SlaThresholdTimers.Read(new DueTimer(timer.Id, timer.Kind, null, null, timer.DueAt, timer.Payload, 1)));
        Assert.Throws<FormatException>(() => SlaThresholdTimers.Read(new DueTimer("x", "sla.threshold", null, null, Due, new JsonObject { ["percent"] = 5 }, 1)));
    }

    [Fact]
    public void Due_times_are_rounded_up_to_the_microsecond_so_they_never_fire_early_on_PostgreSQL()
    {
        Assert.Equal(Due, SlaThresholdTimers.StoredDue(Due));
        Assert.Equal(Due.AddTicks(10), SlaThresholdTimers.StoredDue(Due.AddTicks(1)));
        Assert.Equal(Due.AddTicks(10), SlaThresholdTimers.StoredDue(Due.AddTicks(10)));
        Assert.Equal(TimeSpan.Zero, SlaThresholdTimers.StoredDue(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.FromHours(1))).Offset);
    }

    [Fact]
    public void An_effect_survives_its_trip_through_the_burst_as_JSON()
    {
        var effect = new SlaEffect
        {
            Operation = SlaEffectOperations.Start,
            SubjectId = "ESC-1",
            SubjectType = SlaSubjectType.Ticket,
            Metrics = [SlaMetric.Resolution],
            PolicyId = "standard",
            Priority = 2,
            Tier = "platinum",
            At = Due,
        };

        var json = effect.ToJson();

        Assert.Equal("ticket", json["subjectType"]!.GetValue<string>());
        Assert.Equal("resolution", json["metrics"]![0]!.GetValue<string>());
        var back = SlaEffect.FromJson(json);
        Assert.Equal(effect with { Metrics = [] }, back with { Metrics = [] });
        Assert.Equal(effect.Metrics, back.Metrics);
    }
}
