using DirectPayments.Domain;
using DirectPayments.Domain.Journey;

namespace DirectPayments.Web.Features.Journey.Plans;

/// <summary>What the plan partial shows: one version of the plan, the indicative budget to compare with, and the heading level to start at.</summary>
public sealed record PlanContent(SupportPlan Plan, Money? Indicative, string HeadingClass = "govuk-heading-m");
