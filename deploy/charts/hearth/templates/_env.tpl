{{/* Each service's own settings, as the environment variables of its Quarkus configuration. */}}
{{- define "hearth.env.tenantService" -}}
- {name: HEARTH_TENANT_ROOT_HOST, value: {{ .Values.global.rootHost | quote }}}
- {name: HEARTH_TENANT_GROUP_PREFIX, value: {{ .Values.global.oidc.groupsPrefix | quote }}}
- {name: HEARTH_TENANT_ROOT_ETCD, value: {{ .Values.tenantService.root.etcd | quote }}}
- {name: HEARTH_TENANT_ROOT_INGRESS, value: {{ .Values.tenantService.root.ingress | quote }}}
- {name: HEARTH_TENANT_ROOT_MONITORING, value: {{ .Values.tenantService.root.monitoring | quote }}}
- {name: HEARTH_TENANT_ROOT_SEAWEEDFS, value: {{ .Values.tenantService.root.seaweedfs | quote }}}
{{- with .Values.tenantService.kubeconfigServer }}
- {name: HEARTH_TENANT_KUBECONFIG_SERVER, value: {{ . | quote }}}
{{- end }}
{{- with .Values.global.oidc.issuerUrl }}
- {name: HEARTH_TENANT_KUBECONFIG_OIDC_ISSUER_URL, value: {{ . | quote }}}
- {name: HEARTH_TENANT_KUBECONFIG_OIDC_CLIENT_ID, value: {{ $.Values.global.oidc.kubectlClientId | quote }}}
{{- end }}
{{- with .Values.tenantService.keycloak }}
{{- if .url }}
- {name: HEARTH_TENANT_KEYCLOAK_URL, value: {{ .url | quote }}}
- {name: HEARTH_TENANT_KEYCLOAK_REALM, value: {{ .realm | quote }}}
- {name: HEARTH_TENANT_KEYCLOAK_CLIENT_ID, value: {{ .clientId | quote }}}
- name: HEARTH_TENANT_KEYCLOAK_CLIENT_SECRET
  valueFrom: {secretKeyRef: {name: {{ required "tenantService.keycloak.clientSecret.name is needed with tenantService.keycloak.url" .clientSecret.name | quote }}, key: {{ .clientSecret.key | quote }}}}
{{- end }}
{{- end }}
{{- end -}}

{{- define "hearth.env.kubernetesService" -}}
- {name: HEARTH_TENANT_CLUSTERS_GROUP_PREFIX, value: {{ .Values.global.oidc.groupsPrefix | quote }}}
{{- with .Values.kubernetesService.addonChartRepositoryUrl }}
- {name: HEARTH_TENANT_CLUSTERS_ADDON_CHART_REPOSITORY_URL, value: {{ . | quote }}}
{{- end }}
{{- end -}}

{{- define "hearth.env.vmService" -}}
- {name: HEARTH_VM_IMAGES_NAMESPACE, value: {{ .Values.vmService.imagesNamespace | quote }}}
{{- end -}}

{{- define "hearth.env.appsCatalog" -}}
- {name: HEARTH_TENANT_GROUP_PREFIX, value: {{ .Values.global.oidc.groupsPrefix | quote }}}
{{- with .Values.appsCatalog.chartRepositoryUrl }}
- {name: HEARTH_CATALOG_CHART_REPOSITORY_URL, value: {{ . | quote }}}
{{- end }}
{{- end -}}

{{- define "hearth.env.bundleInstaller" -}}
{{- end -}}

{{- define "hearth.env.dashboardBackend" -}}
- {name: HEARTH_OIDC_ISSUER_URL, value: {{ .Values.global.oidc.issuerUrl | quote }}}
- {name: QUARKUS_OIDC_CLIENT_ID, value: {{ .Values.global.oidc.dashboardClientId | quote }}}
- {name: QUARKUS_OIDC_TOKEN_AUDIENCE, value: {{ .Values.global.oidc.dashboardClientId | quote }}}
- {name: HEARTH_TENANT_USERNAME_PREFIX, value: {{ .Values.global.oidc.usernamePrefix | quote }}}
- {name: HEARTH_TENANT_GROUP_PREFIX, value: {{ .Values.global.oidc.groupsPrefix | quote }}}
{{- end -}}
