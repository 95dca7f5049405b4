{{/* The services this chart deploys: values key, name (also its ServiceAccount, Lease and field manager
hearth-<name>) and HTTP port (health and metrics on the same port). */}}
{{- define "hearth.services" -}}
tenantService: {name: tenant-service, port: 8081, operator: true}
kubernetesService: {name: kubernetes-service, port: 8082, operator: true}
vmService: {name: vm-service, port: 8083, operator: true}
appsCatalog: {name: apps-catalog, port: 8084, operator: true}
bundleInstaller: {name: bundle-installer, port: 8085, operator: true}
dashboardBackend: {name: dashboard-backend, port: 8080, operator: false}
{{- end -}}

{{- define "hearth.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/part-of: hearth
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "hearth.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "hearth.image" -}}
{{- $image := .root.Values.global.image -}}
{{ printf "%s/%s:%s" $image.registry .name (default .root.Chart.AppVersion $image.tag) }}
{{- end -}}

{{/* Whether a service is deployed: dashboard-backend only with an OIDC issuer. */}}
{{- define "hearth.enabled" -}}
{{- $values := index .root.Values .key -}}
{{- if and $values.enabled (eq .key "dashboardBackend") (not .root.Values.global.oidc.issuerUrl) -}}
{{- fail "dashboardBackend.enabled needs global.oidc.issuerUrl (the Keycloak realm URL the dashboard signs users in with)" -}}
{{- end -}}
{{- if $values.enabled }}true{{ end -}}
{{- end -}}

{{/* A service's ClusterRole hearth:<service> with the rules given, bound to its ServiceAccount, and its Role in the
release namespace for leader election (operators only). */}}
{{- define "hearth.rbac" -}}
{{- $ctx := dict "root" .root "name" .name }}
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: hearth:{{ .name }}
  labels: {{- include "hearth.labels" $ctx | nindent 4 }}
rules: {{- .rules | nindent 2 }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: hearth:{{ .name }}
  labels: {{- include "hearth.labels" $ctx | nindent 4 }}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "hearth:{{ .name }}"}
subjects:
  - {kind: ServiceAccount, name: {{ .name }}, namespace: {{ .root.Release.Namespace }}}
{{- if .operator }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: hearth:{{ .name }}:leader-election
  namespace: {{ .root.Release.Namespace }}
  labels: {{- include "hearth.labels" $ctx | nindent 4 }}
rules:
  # the Lease hearth-<service>: only one replica reconciles
  - apiGroups: [coordination.k8s.io]
    resources: [leases]
    verbs: [create]
  # the client's leader elector renews it with a patch (LeaderElectionRbacIT)
  - apiGroups: [coordination.k8s.io]
    resources: [leases]
    resourceNames: [hearth-{{ .name }}]
    verbs: [get, update, patch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: hearth:{{ .name }}:leader-election
  namespace: {{ .root.Release.Namespace }}
  labels: {{- include "hearth.labels" $ctx | nindent 4 }}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "hearth:{{ .name }}:leader-election"}
subjects:
  - {kind: ServiceAccount, name: {{ .name }}, namespace: {{ .root.Release.Namespace }}}
{{- end }}
{{- end -}}

{{/* The app kinds (plural) apps-catalog serves: the built-in catalog's, plus those of ApplicationDefinitions an
administrator adds (global.extraAppKinds). */}}
{{- define "hearth.catalogKinds" -}}
{{- $kinds := list "clickhouses" "etcds" "httpcaches" "ingresses" "kafkas" "mariadbs" "monitorings" "natses" "postgreses" "rabbitmqs" "redises" "seaweedfses" "tcpbalancers" -}}
{{- concat $kinds .Values.global.extraAppKinds | toJson -}}
{{- end -}}

{{- define "hearth.catalogKinds.status" -}}
{{- $kinds := list -}}
{{- range include "hearth.catalogKinds" . | fromJsonArray }}{{ $kinds = append $kinds (printf "%s/status" .) }}{{ end -}}
{{- $kinds | toJson -}}
{{- end -}}

{{- define "hearth.catalogKinds.crds" -}}
{{- $names := list -}}
{{- range include "hearth.catalogKinds" . | fromJsonArray }}{{ $names = append $names (printf "%s.apps.hearth.dev" .) }}{{ end -}}
{{- $names | toJson -}}
{{- end -}}
