namespace EscalationFlows.Escalations.Records;

/// <summary>How far up an escalation has been elevated: the resolution team, a senior specialist, operations leadership.</summary>
public static class ElevationLevels
{
    public const int Team = 1;
    public const int SeniorSpecialist = 2;
    public const int OperationsLeadership = 3;

    public const int Highest = OperationsLeadership;

    /// <summary>The level's name as used in inputs and the API: team, senior-specialist, operations-leadership.</summary>
    public static string Name(int level) => level switch
    {
        <= Team => "team",
        SeniorSpecialist => "senior-specialist",
        _ => "operations-leadership",
    };

    /// <summary>A plain-language label for messages.</summary>
    public static string Label(int level) => level switch
    {
        <= Team => "resolution team",
        SeniorSpecialist => "senior specialist",
        _ => "operations leadership",
    };
}
