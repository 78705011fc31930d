#!/usr/bin/env python3
"""Writes the Grafana dashboards in ops/grafana/dashboards/ (one per concern: the gateway, each service,
the Kafka flow). The JSON files are what Grafana loads and what is reviewed; this script keeps the four
service dashboards alike. Run it after changing a panel: python3 ops/grafana/generate_dashboards.py
Every metric queried here must be listed in docs/metrics.md (OpsFilesTest checks it)."""
import json
import pathlib

OUT = pathlib.Path(__file__).parent / "dashboards"
DATASOURCE = {"type": "prometheus", "uid": "prometheus"}
RATE = "[$__rate_interval]"


def panel(title, exprs, unit="short", description="", kind="timeseries"):
    return {"title": title, "type": kind, "description": description, "datasource": DATASOURCE,
            "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
            "targets": [{"refId": chr(ord("A") + i), "datasource": DATASOURCE, "expr": e, "legendFormat": legend}
                        for i, (e, legend) in enumerate(exprs)]}


def row(title):
    return {"title": title, "type": "row", "collapsed": False, "panels": []}


def dashboard(uid, title, description, items):
    panels, y, x = [], 0, 0
    for i, p in enumerate(items):
        p = dict(p, id=i + 1)
        if p["type"] == "row":
            y, x = y + (8 if x else 0), 0
            p["gridPos"] = {"h": 1, "w": 24, "x": 0, "y": y}
            y += 1
        else:
            p["gridPos"] = {"h": 8, "w": 12, "x": x, "y": y}
            x = 12 if x == 0 else 0
            y += 8 if x == 0 else 0
        panels.append(p)
    return {"uid": uid, "title": title, "description": description, "tags": ["ws2"], "timezone": "utc",
            "schemaVersion": 39, "version": 1, "refresh": "30s", "time": {"from": "now-3h", "to": "now"},
            "templating": {"list": []}, "annotations": {"list": []}, "panels": panels}


def gateway():
    count = "spring_cloud_gateway_requests_seconds_count"
    bucket = "spring_cloud_gateway_requests_seconds_bucket"
    return dashboard("ws2-gateway", "WS2 / Gateway", "Requests, errors and latency per route; circuit breakers.", [
        row("Requests (RED)"),
        panel("Requests per second by route", [(f"sum by (routeId) (rate({count}{RATE}))", "{{routeId}}")], "reqps"),
        panel("Requests per second by status", [(f"sum by (httpStatusCode) (rate({count}{RATE}))", "{{httpStatusCode}}")], "reqps"),
        panel("5xx share by route", [(f'sum by (routeId) (rate({count}{{httpStatusCode=~"5.."}}{RATE})) / sum by (routeId) (rate({count}{RATE}))', "{{routeId}}")],
              "percentunit", "Alert Ws2ErrorRateOverBudget fires above 1% for 10 minutes."),
        panel("Latency p95 and p99 by route", [
            (f"histogram_quantile(0.95, sum by (routeId, le) (rate({bucket}{RATE})))", "p95 {{routeId}}"),
            (f"histogram_quantile(0.99, sum by (routeId, le) (rate({bucket}{RATE})))", "p99 {{routeId}}")], "s"),
        panel("Rate-limit refusals (429) by route", [(f'sum by (routeId) (rate({count}{{httpStatusCode="429"}}{RATE}))', "{{routeId}}")], "reqps"),
        panel("All gateway answers by status (incl. actuator, refused tokens)",
              [(f'sum by (status) (rate(http_server_requests_seconds_count{{application="gateway"}}{RATE}))', "{{status}}")], "reqps"),
        row("Circuit breakers"),
        panel("Breaker state (1 = current)", [("max by (name, state) (resilience4j_circuitbreaker_state)", "{{name}} {{state}}")], "short",
              "Alert Ws2CircuitBreakerOpen fires when a breaker stays open for a minute."),
        panel("Breaker failure rate", [("max by (name) (resilience4j_circuitbreaker_failure_rate)", "{{name}}")], "percent"),
        panel("Calls refused by an open breaker", [(f"sum by (name) (rate(resilience4j_circuitbreaker_not_permitted_calls_total{RATE}))", "{{name}}")], "reqps"),
        panel("Calls through each breaker by kind", [(f"sum by (name, kind) (rate(resilience4j_circuitbreaker_calls_seconds_count{RATE}))", "{{name}} {{kind}}")], "reqps"),
        row("Process"),
        panel("Readiness", [('ws2_readiness{application="gateway"}', "{{instance}}")], "short"),
        panel("Heap used", [
            ('sum by (instance) (jvm_memory_used_bytes{application="gateway", area="heap"})', "heap {{instance}}")], "bytes"),
        panel("CPU", [('process_cpu_usage{application="gateway"}', "{{instance}}")], "percentunit"),
    ])


def http_panels(app, noun, latency):
    """Requests, errors and answers of one Spring MVC application, per route (a service) or per page (web)."""
    http = "http_server_requests_seconds"
    panels = [
        panel(f"Requests per second by {noun}", [(f"sum by (method, uri) (rate({http}_count{{{app}}}{RATE}))", "{{method}} {{uri}}")], "reqps"),
        panel(f"Errors (5xx) per second by {noun}", [(f'sum by (method, uri, exception) (rate({http}_count{{{app}, status=~"5.."}}{RATE}))', "{{method}} {{uri}} {{exception}}")], "reqps"),
    ]
    if latency:
        panels.append(panel(f"Latency p95 by {noun}", [(f"histogram_quantile(0.95, sum by (uri, le) (rate({http}_bucket{{{app}}}{RATE})))", "{{uri}}")], "s"))
    panels.append(panel("Answers by status", [(f"sum by (status) (rate({http}_count{{{app}}}{RATE}))", "{{status}}")], "reqps"))
    return panels


def heap_and_cpu(app):
    return [
        panel("Heap used", [(f'sum by (instance) (jvm_memory_used_bytes{{{app}, area="heap"}})', "{{instance}}")], "bytes"),
        panel("CPU", [(f"process_cpu_usage{{{app}}}", "{{instance}}")], "percentunit"),
    ]


def service(name, title):
    app = f'application="{name}"'
    return dashboard(f"ws2-{name}", f"WS2 / {title}", f"{title}: HTTP, its outbox, its consumers, its process.", [
        row("HTTP (RED)"),
        *http_panels(app, "route", latency=True),
        row("Outbox (events leaving)"),
        panel("Oldest unpublished event", [(f"max by (instance) (ws2_outbox_lag_seconds{{{app}}})", "{{instance}}")], "s",
              "Alert Ws2OutboxStalled fires above 120 s for 2 minutes."),
        panel("Published and failed sends per second", [
            (f"sum (rate(ws2_outbox_published_total{{{app}}}{RATE}))", "published"),
            (f"sum (rate(ws2_outbox_send_failures_total{{{app}}}{RATE}))", "send failures")], "ops"),
        panel("Parked events", [(f"max (ws2_outbox_parked{{{app}}})", "parked")], "short"),
        row("Consumers (events arriving)"),
        panel("Events applied per second by topic and listener", [(f'sum by (messaging_source_name, spring_kafka_listener_id) (rate(spring_kafka_listener_seconds_count{{{app}, error="none"}}{RATE}))', "{{messaging_source_name}} {{spring_kafka_listener_id}}")], "ops"),
        panel("Failed attempts per second by topic and error", [(f'sum by (messaging_source_name, error) (rate(spring_kafka_listener_seconds_count{{{app}, error!="none"}}{RATE}))', "{{messaging_source_name}} {{error}}")], "ops"),
        panel("Consumer lag by topic and partition", [(f'sum by (topic, partition) (kafka_consumer_fetch_manager_records_lag{{{app}, topic=~".*[.].*"}})', "{{topic}} [{{partition}}]")], "short"),
        panel("Dead-lettered records", [(f"sum by (topic, exception) (increase(ws2_events_dead_lettered_total{{{app}}}[10m]))", "{{topic}} {{exception}}")], "short"),
        row("Process"),
        panel("Readiness", [(f"ws2_readiness{{{app}}}", "{{instance}}")], "short"),
        panel("Database connections", [
            (f"sum by (instance) (hikaricp_connections_active{{{app}}})", "active {{instance}}"),
            (f"sum by (instance) (hikaricp_connections_pending{{{app}}})", "waiting {{instance}}")], "short"),
        *heap_and_cpu(app),
    ])


def web():
    app = 'application="web"'
    return dashboard("ws2-web", "WS2 / Web pages", "The pages people use: a client of the gateway's /api.", [
        row("Pages (RED)"),
        *http_panels(app, "page", latency=False),
        row("Process"),
        *heap_and_cpu(app),
    ])


def kafka_flow():
    return dashboard("ws2-kafka-flow", "WS2 / Kafka flow", "Events from each outbox through Kafka to each consumer.", [
        row("Leaving the services"),
        panel("Events published per second by service", [(f"sum by (application) (rate(ws2_outbox_published_total{RATE}))", "{{application}}")], "ops"),
        panel("Oldest unpublished event by service", [("max by (application) (ws2_outbox_lag_seconds)", "{{application}}")], "s"),
        panel("Records sent per second by topic", [(f"sum by (messaging_destination_name) (rate(spring_kafka_template_seconds_count{RATE}))", "{{messaging_destination_name}}")], "ops"),
        panel("Send failures and parked events by service", [
            (f"sum by (application) (rate(ws2_outbox_send_failures_total{RATE}))", "failures {{application}}"),
            ("max by (application) (ws2_outbox_parked)", "parked {{application}}")], "short"),
        row("Arriving at the consumers"),
        panel("Consumer lag by service and topic", [('sum by (application, topic) (kafka_consumer_fetch_manager_records_lag{topic=~".*[.].*"})', "{{application}} {{topic}}")], "short",
              "Alert Ws2ConsumerLagGrowing fires above 100 records while still growing, for 10 minutes."),
        panel("Events applied per second by service and topic", [(f'sum by (messaging_kafka_consumer_group, messaging_source_name) (rate(spring_kafka_listener_seconds_count{{error="none"}}{RATE}))', "{{messaging_kafka_consumer_group}} {{messaging_source_name}}")], "ops"),
        panel("Dead-lettered records by topic", [("sum by (application, dead_letter_topic) (increase(ws2_events_dead_lettered_total[10m]))", "{{application}} {{dead_letter_topic}}")], "short",
              "Alert Ws2DeadLettersAppearing fires on any."),
        panel("Records that could not be dead-lettered", [("sum by (application, topic) (increase(ws2_events_dead_letter_failures_total[10m]))", "{{application}} {{topic}}")], "short"),
        panel("Slowest record handled by service and topic (last minute)", [("max by (messaging_kafka_consumer_group, messaging_source_name) (spring_kafka_listener_seconds_max)", "{{messaging_kafka_consumer_group}} {{messaging_source_name}}")], "s"),
    ])


def main():
    OUT.mkdir(exist_ok=True)
    boards = {"gateway.json": gateway(), "kafka-flow.json": kafka_flow(), "web.json": web()}
    for name, title in [("recommendations-service", "Recommendations service"), ("groups-service", "Groups service"),
                        ("reporting-service", "Reporting service"), ("notifications-service", "Notifications service")]:
        boards[f"{name}.json"] = service(name, title)
    for file, board in boards.items():
        (OUT / file).write_text(json.dumps(board, indent=2) + "\n")


if __name__ == "__main__":
    main()
